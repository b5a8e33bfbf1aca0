// A real Neo4j 5.26 Community (embedded engine + Bolt) run locally from Maven Central jars: no Docker, no install.
// ensureNeo4jJars() fetches the runtime classpath into .neo4j/lib once; startLocalNeo4j() runs
// scripts/neo4j/Launcher.java on it and resolves once Bolt answers. cli.ts uses the same pieces for a
// persistent background instance.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const NEO4J_HOME = path.join(PROJECT_ROOT, '.neo4j');
const LIB_DIR = path.join(NEO4J_HOME, 'lib');
const MARKER = path.join(LIB_DIR, '.complete'); // holds the pom's hash once a copy succeeded
const POM = path.join(PROJECT_ROOT, 'scripts/neo4j/pom.xml');
const LAUNCHER = path.join(PROJECT_ROOT, 'scripts/neo4j/Launcher.java');
const READY_RE = /NEO4J READY (bolt:\/\/\S+)/;
export const START_TIMEOUT_MS = 120_000;

/** Flags Neo4j 5 wants on Java 17: without the add-opens the page cache and native file access fall back to
 *  slower paths (warnings in debug.log); Netty wants reflective access for its direct buffers. */
export const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseG1GC',
  '-XX:+ExitOnOutOfMemoryError',
];

type Log = (msg: string) => void;

function run(cmd: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd: PROJECT_ROOT, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
      if (e && e.code === 'ENOENT') reject(new Error(`\`${cmd}\` was not found on PATH; local Neo4j needs it`));
      else resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

async function checkJava(): Promise<void> {
  const { out } = await run('java', ['-version']);
  // 'openjdk version "17.0.15" ...' or, for Java 8 and older, 'version "1.8.0_392"'
  const m = /version "(\d+)(?:\.(\d+))?/.exec(out);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : NaN;
  if (!(major >= 17)) throw new Error(`Neo4j 5 needs Java 17 or newer; \`java -version\` said: ${out.split('\n')[0]}`);
}

/** The last `n` lines of a log text. */
export const tail = (text: string, n = 30) => text.trimEnd().split('\n').slice(-n).join('\n');

/** Makes sure .neo4j/lib holds Neo4j's runtime jars (fetched through Maven once per pom version). */
export async function ensureNeo4jJars(log: Log = console.log): Promise<string> {
  await checkJava();
  const hash = createHash('sha256').update(await fsp.readFile(POM)).digest('hex');
  if (fs.existsSync(MARKER) && fs.readFileSync(MARKER, 'utf8').trim() === hash) return LIB_DIR;

  await run('mvn', ['-v']); // throws a clear error when Maven is missing
  log('Downloading Neo4j 5.26 jars through Maven (first run only)…');
  // Copy into a fresh side folder and swap it in, so a failed or concurrent run never leaves a half-filled lib/
  // that looks complete, and jars of an older pom do not linger on the classpath.
  const tmp = `${LIB_DIR}.tmp-${process.pid}`;
  await fsp.rm(tmp, { recursive: true, force: true });
  const { code, out } = await run('mvn', ['-q', '-B', '-f', POM, 'dependency:copy-dependencies',
    '-DincludeScope=runtime', `-DoutputDirectory=${tmp}`]);
  if (code !== 0) {
    await fsp.rm(tmp, { recursive: true, force: true });
    throw new Error(`Maven could not fetch the Neo4j jars (exit ${code}):\n${tail(out)}`);
  }
  await fsp.writeFile(path.join(tmp, '.complete'), `${hash}\n`);
  await fsp.rm(LIB_DIR, { recursive: true, force: true });
  await fsp.rename(tmp, LIB_DIR);
  return LIB_DIR;
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** -Xms is 256m unless the requested max heap is smaller (-Xms above -Xmx refuses to start). */
function heapFlags(heap: string): string[] {
  const m = /^(\d+)([kmg]?)$/i.exec(heap.trim());
  if (!m) throw new Error(`bad heap size '${heap}' (expected e.g. 512m or 2g)`);
  const mb = Number(m[1]) * ({ k: 1 / 1024, m: 1, g: 1024, '': 1 / (1024 * 1024) } as Record<string, number>)[m[2].toLowerCase()];
  return [`-Xms${mb < 256 ? heap : '256m'}`, `-Xmx${heap}`];
}

/** The java command line that runs Launcher.java on `dataDir` with Bolt on `port`. */
export function javaArgs(dataDir: string, port: number, heap = process.env.NEO4J_HEAP || '1g'): string[] {
  return [...JVM_FLAGS, ...heapFlags(heap), '-cp', path.join(LIB_DIR, '*'), LAUNCHER, dataDir, String(port)];
}

/** Resolves once a driver can talk to `uri`; rejects at `deadline` (ms since epoch) or when `aborted()` says so. */
export async function waitForBolt(uri: string, deadline: number, aborted: () => string | undefined = () => undefined) {
  let last: unknown;
  for (;;) { // always at least one attempt, so a past deadline means "try once"
    const why = aborted();
    if (why) throw new Error(why);
    // No auth token = scheme 'none' (neo4j.auth.none() exists at runtime but not in driver 6's typings).
    const driver = neo4j.driver(uri);
    try {
      await driver.verifyConnectivity();
      return;
    } catch (e) {
      last = e;
    } finally {
      await driver.close();
    }
    if (Date.now() + 250 >= deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Bolt at ${uri} did not answer in time: ${(last as Error)?.message}`);
}

export interface LocalNeo4j {
  uri: string;
  port: number;
  dataDir: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a private Neo4j on 127.0.0.1 (auth disabled) and resolves once Bolt answers.
 * Without `dataDir` a temporary folder is used and removed by stop(). The JVM goes away with this process:
 * an 'exit' handler SIGTERMs it, and it also shuts itself down when its stdin pipe from us closes.
 */
export async function startLocalNeo4j(opts: {
  port?: number; dataDir?: string; log?: Log; heap?: string; pageCache?: string;
} = {}): Promise<LocalNeo4j> {
  await ensureNeo4jJars(opts.log);
  const port = opts.port || (await freePort());
  const ownsDataDir = !opts.dataDir;
  const dataDir = path.resolve(opts.dataDir ?? (await fsp.mkdtemp(path.join(os.tmpdir(), 'neo4j-local-'))));
  const pageCache = opts.pageCache || process.env.NEO4J_PAGECACHE || '256m';

  const child: ChildProcess = spawn('java', javaArgs(dataDir, port, opts.heap), {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_PAGECACHE: pageCache, NEO4J_EXIT_ON_STDIN_EOF: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: false,
  });
  let output = '';
  let ready: string | undefined;
  let exited: string | undefined;
  const onData = (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000);
    ready ??= READY_RE.exec(output)?.[1];
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exitP = new Promise<void>((resolve) => child.once('exit', (code, sig) => {
    exited = `exited (${sig ?? `code ${code}`})`;
    resolve();
  }));
  child.once('error', (e) => { exited = `could not be spawned: ${e.message}`; });
  const killOnExit = () => { child.kill('SIGTERM'); };
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    process.removeListener('exit', killOnExit);
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exitP;
      clearTimeout(timer);
    }
    child.stdin?.destroy();
    if (ownsDataDir) await fsp.rm(dataDir, { recursive: true, force: true });
  })());

  const deadline = Date.now() + START_TIMEOUT_MS;
  const failure = (why: string) =>
    new Error(`Local Neo4j ${why} (port ${port}, data ${dataDir}${ownsDataDir ? ', removed' : `; see ${path.join(dataDir, 'logs/debug.log')}`}).\n` +
      `Last JVM output (stack frames left out):\n${tail(output.split('\n').filter((l) => !/^\s+at /.test(l)).join('\n')) || '(none)'}`);
  try {
    while (!ready) {
      if (exited) throw failure(exited);
      if (Date.now() > deadline) throw failure(`was not ready after ${START_TIMEOUT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await waitForBolt(ready, deadline, () => exited);
  } catch (e) {
    await stop();
    throw e instanceof Error && e.message.startsWith('Local Neo4j') ? e : failure(String((e as Error).message ?? e));
  }
  return { uri: ready, port, dataDir, pid: child.pid!, stop };
}
