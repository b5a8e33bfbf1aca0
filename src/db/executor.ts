import { debug } from '../debug.js';
import neo4j, { type AuthToken, type Driver, type ManagedTransaction, type Record as NeoRecord, isInt, Integer } from 'neo4j-driver';

/**
 * The only module that imports neo4j-driver. Queries go in as `{ cypher, params }`, plain
 * objects come out: driver Integers become numbers, nodes/relationships become their
 * properties, so nothing driver-shaped leaks into resolvers or ingest.
 */
export interface Query {
  cypher: string;
  params?: Record<string, unknown>;
}

export interface DbOptions {
  uri: string;
  user?: string;
  password?: string | null;
  database?: string | null;
}

/** Errors the API maps to extensions.code UNAVAILABLE. */
export class DatabaseUnavailableError extends Error {}

export type Row = Record<string, unknown>;

/** Driver values → plain JSON-ish values. */
export function toPlain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (isInt(v)) return (v as Integer).inSafeRange() ? (v as Integer).toNumber() : (v as Integer).toString();
  if (Array.isArray(v)) return v.map(toPlain);
  if (typeof v === 'object') {
    const o = v as { properties?: Record<string, unknown>; labels?: string[]; type?: string; constructor?: { name?: string } };
    // Node / Relationship: their properties are what callers want.
    if (o.properties && (o.labels || typeof o.type === 'string')) return toPlain(o.properties);
    // Temporal types print as ISO strings.
    const ctor = o.constructor?.name;
    if (ctor && ['Date', 'DateTime', 'LocalDateTime', 'LocalTime', 'Time', 'Duration'].includes(ctor)) return String(v);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = toPlain(x);
    return out;
  }
  return v;
}

function recordToRow(r: NeoRecord): Row {
  const row: Row = {};
  for (const k of r.keys) row[k as string] = toPlain(r.get(k));
  return row;
}

/** A unit of work inside one transaction, handed to callers of `write`/`read`. */
export interface Tx {
  run(q: Query): Promise<Row[]>;
}

const logCypher = debug('kg:cypher');

function wrap(tx: ManagedTransaction): Tx {
  return {
    run: async (q) => {
      const t0 = logCypher ? performance.now() : 0;
      const rows = (await tx.run(q.cypher, q.params ?? {})).records.map(recordToRow);
      logCypher?.(`${q.cypher.replace(/\s+/g, ' ').trim()}\n  params ${JSON.stringify(q.params ?? {}).slice(0, 500)}\n  ${rows.length} row(s) in ${(performance.now() - t0).toFixed(1)} ms`);
      return rows;
    },
  };
}

export class Db {
  readonly driver: Driver;
  private readonly database: string | undefined;

  constructor(opts: DbOptions) {
    // auth.none() exists at run time but is missing from neo4j-driver's index typings.
    const none = (neo4j.auth as unknown as { none(): AuthToken }).none;
    const auth = opts.password ? neo4j.auth.basic(opts.user ?? 'neo4j', opts.password) : none();
    // Managed transactions retry transient errors, and by default keep retrying an unreachable
    // server for 30 s: a request would hang that long before answering UNAVAILABLE. 10 s still
    // rides out a leader switch or a deadlock retry.
    this.driver = neo4j.driver(opts.uri, auth, { disableLosslessIntegers: false, maxConnectionPoolSize: 50, maxTransactionRetryTime: 10_000 });
    this.database = opts.database ?? undefined;
  }

  /** Waits until the server answers, or throws DatabaseUnavailableError naming the URI. */
  async verify(): Promise<void> {
    try {
      await this.driver.getServerInfo(this.database ? { database: this.database } : {});
    } catch (e) {
      throw new DatabaseUnavailableError(`Neo4j is not reachable: ${(e as Error).message}`);
    }
  }

  /** One read transaction (retried by the driver on transient errors). */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('READ', work);
  }

  /** One write transaction: everything in `work` commits together or not at all. */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', work);
  }

  /** A managed transaction in its own session, closed whatever happens; driver errors mapped. */
  private async transaction<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session[mode] });
    const config = { metadata: { app: 'urbanization-kg' } };
    try {
      return mode === 'READ'
        ? await session.executeRead((tx) => work(wrap(tx)), config)
        : await session.executeWrite((tx) => work(wrap(tx)), config);
    } catch (e) {
      throw mapError(e);
    } finally {
      await session.close();
    }
  }

  /** Shorthand for a single read query. */
  query(q: Query): Promise<Row[]> {
    return this.read((tx) => tx.run(q));
  }

  /** Schema statements (constraints, indexes) run in auto-commit transactions. */
  async runSchema(cypher: string): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      await session.run(cypher);
    } catch (e) {
      throw mapError(e);
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

function mapError(e: unknown): Error {
  const err = e as { code?: string; message?: string };
  if (err?.code === 'ServiceUnavailable' || err?.code === 'SessionExpired') {
    return new DatabaseUnavailableError(`Neo4j is unavailable: ${err.message}`);
  }
  return e as Error;
}
