import { describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../src/config.js';

describe('config', () => {
  it('has documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ neo4jUri: null, port: 4000, host: '127.0.0.1', librarianToken: null, corpusDir: 'corpus', ingestOnStart: true, localBoltPort: 7687, localHeap: '1g', localPageCache: '256m' });
  });
  it('reads the environment', () => {
    const c = loadConfig({ NEO4J_URI: 'neo4j+s://x.databases.neo4j.io', NEO4J_PASSWORD: 'pw', PORT: '8080', LIBRARIAN_TOKEN: 't', INGEST_ON_START: 'false' });
    expect(c).toMatchObject({ neo4jUri: 'neo4j+s://x.databases.neo4j.io', neo4jPassword: 'pw', port: 8080, librarianToken: 't', ingestOnStart: false });
  });
  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(/NEO4J_URI/);
    expect(() => loadConfig({ NEO4J_HEAP: '2 gigabytes' })).toThrow(/NEO4J_HEAP/);
    expect(loadConfig({ NEO4J_HEAP: '2g', NEO4J_PAGECACHE: '512m' })).toMatchObject({ localHeap: '2g', localPageCache: '512m' });
  });
});
