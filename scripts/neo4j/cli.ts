// tsx scripts/neo4j/cli.ts start|stop|status — a persistent local Neo4j 5 (see local.ts) in the background.
// Data: .neo4j/data (env NEO4J_DATA_DIR); Bolt port: env NEO4J_BOLT_PORT (default 7687); JVM output:
// .neo4j/neo4j.log; Neo4j's own logs: <data>/logs/debug.log; pid: .neo4j/neo4j.pid.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { NEO4J_HOME, PROJECT_ROOT, START_TIMEOUT_MS, ensureNeo4jJars, javaArgs, tail, waitForBolt } from './local.js';
import { loadConfig, type Config } from '../../src/config.js';

const PID_FILE = path.join(NEO4J_HOME, 'neo4j.pid');
const LOG_FILE = path.join(NEO4J_HOME, 'neo4j.log');
// The same validated settings as npm start (a bad NEO4J_BOLT_PORT is refused, not NaN).
let config: Config;
try {
  config = loadConfig();
} catch (e) {
  console.error(`neo4j: ${(e as Error).message}`);
  process.exit(2);
}
const dataDir = path.resolve(PROJECT_ROOT, config.localDataDir ?? path.join(NEO4J_HOME, 'data'));
const port = config.localBoltPort;
const uri = `bolt://127.0.0.1:${port}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pid from the pid file if that process is alive and is our launcher (guards against pid reuse). */
function runningPid(): number | undefined {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(PID_FILE, 'utf8').trim());
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  try {
    if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('Launcher.java')) return undefined;
  } catch { /* no /proc (macOS): trust the pid file */ }
  return pid;
}

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const answers = () => waitForBolt(uri, 0).then(() => true, () => false);
const logTail = () => { try { return tail(fs.readFileSync(LOG_FILE, 'utf8')); } catch { return ''; } };

async function start(): Promise<number> {
  const existing = runningPid();
  if (existing) {
    // Running, perhaps still starting (another `start` in flight): give it the usual time to answer.
    try {
      await waitForBolt(uri, Date.now() + START_TIMEOUT_MS, () => (alive(existing) ? undefined : 'it exited'));
      console.log(`Neo4j already running (pid ${existing}) at ${uri}`);
      return 0;
    } catch (e) {
      console.error(`Neo4j pid ${existing} runs but does not answer at ${uri}: ${(e as Error).message}`);
      return 1;
    }
  }
  if (await answers()) {
    console.log(`Something already answers Bolt at ${uri} (not started by this script; \`stop\` will not touch it)`);
    return 0;
  }
  await ensureNeo4jJars(console.log);
  fs.mkdirSync(dataDir, { recursive: true });
  const logFd = fs.openSync(LOG_FILE, 'a');
  const logStart = fs.fstatSync(logFd).size; // look for READY only in what this run writes
  const t0 = Date.now();
  const child = spawn('java', javaArgs(dataDir, port), {
    cwd: PROJECT_ROOT,
    detached: true, // own session: survives this CLI and the terminal it ran in
    stdio: ['ignore', logFd, logFd],
  });
  child.unref();
  fs.closeSync(logFd);
  fs.writeFileSync(PID_FILE, `${child.pid}\n`);
  console.log(`Starting Neo4j (pid ${child.pid}, data ${path.relative(PROJECT_ROOT, dataDir) || dataDir}, log ${path.relative(PROJECT_ROOT, LOG_FILE)})…`);

  const deadline = t0 + START_TIMEOUT_MS;
  try {
    for (;;) {
      if (!alive(child.pid!)) throw new Error('the JVM exited');
      if (Date.now() > deadline) throw new Error(`not ready after ${START_TIMEOUT_MS / 1000} s`);
      const fd = fs.openSync(LOG_FILE, 'r');
      const buf = Buffer.alloc(Math.max(0, fs.fstatSync(fd).size - logStart));
      fs.readSync(fd, buf, 0, buf.length, logStart);
      fs.closeSync(fd);
      if (buf.toString().includes('NEO4J READY')) break;
      await sleep(200);
    }
    await waitForBolt(uri, deadline, () => (alive(child.pid!) ? undefined : 'the JVM exited'));
  } catch (e) {
    console.error(`Neo4j failed to start: ${(e as Error).message}\nLast lines of ${LOG_FILE}:\n${logTail()}`);
    if (alive(child.pid!)) process.kill(child.pid!, 'SIGKILL');
    fs.rmSync(PID_FILE, { force: true });
    return 1;
  }
  console.log(`Neo4j ready at ${uri} in ${((Date.now() - t0) / 1000).toFixed(1)} s (auth disabled, loopback only)`);
  return 0;
}

async function stop(): Promise<number> {
  const pid = runningPid();
  if (!pid) {
    fs.rmSync(PID_FILE, { force: true });
    console.log('Neo4j is not running');
    return 0;
  }
  process.kill(pid, 'SIGTERM'); // the launcher's shutdown hook closes the stores cleanly
  const t0 = Date.now();
  while (alive(pid) && Date.now() - t0 < 20_000) await sleep(200);
  if (alive(pid)) {
    console.error(`Neo4j pid ${pid} ignored SIGTERM for 20 s; killing it`);
    process.kill(pid, 'SIGKILL');
    while (alive(pid)) await sleep(100);
  }
  fs.rmSync(PID_FILE, { force: true });
  console.log(`Neo4j stopped (pid ${pid})`);
  return 0;
}

async function status(): Promise<number> {
  const pid = runningPid();
  if (!pid) console.log(`stopped${(await answers()) ? ` (but something else answers at ${uri})` : ''}`);
  else console.log(`running (pid ${pid}) at ${uri}, ${(await answers()) ? 'answering' : 'NOT answering yet'}`);
  return 0;
}

const cmds: Record<string, () => Promise<number>> = { start, stop, status };
const cmd = cmds[process.argv[2] ?? ''];
if (!cmd) {
  console.error('usage: tsx scripts/neo4j/cli.ts start|stop|status');
  process.exit(2);
}
process.exit(await cmd());
