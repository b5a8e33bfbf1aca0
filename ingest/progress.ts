import { basename } from 'node:path';
import type { Progress } from './ingest-many.js';
import { STAGES } from './pipeline.js';

const STEPS = ['load', ...STAGES, 'write'];

/** A one-line bar per document: redrawn in place on a terminal, one final line otherwise. */
export function consoleProgress(out: NodeJS.WriteStream = process.stderr): Progress {
  const tty = out.isTTY;
  let label = '';
  const bar = (k: number) => `[${'#'.repeat(k)}${'.'.repeat(STEPS.length - k)}]`;
  return {
    start(i, n, src) {
      label = `${String(i + 1).padStart(String(n).length)}/${n} ${basename(src.path)}`;
    },
    stage(name) {
      if (tty) out.write(`\r${bar(STEPS.indexOf(name) + 1)} ${label} ${name.padEnd(10)}`);
    },
    done(r) {
      const facts = r.status === 'unchanged' || r.status === 'metadata-updated'
        ? 'content unchanged, pipeline skipped'
        : `${r.sentences} sentences, ${Object.values(r.entities).reduce((a, b) => a + b, 0)} entities, ${r.measures} measures`;
      const line = `${bar(STEPS.length)} ${label} ${r.status}: ${facts}, ${r.ms} ms`;
      out.write(tty ? `\r${line}\x1b[K\n` : `${line}\n`);
    },
    fail(error) {
      out.write(`${tty ? '\r' : ''}[failed] ${label}: ${error}${tty ? '\x1b[K' : ''}\n`);
    },
  };
}
