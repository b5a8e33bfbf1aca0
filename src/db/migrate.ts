import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Db } from './executor.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../schema/migrations/', import.meta.url));

/** Splits a .cypher file into statements: `;` at line end, `//` comment lines dropped. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Applies schema/migrations/*.cypher in name order. Every statement is idempotent
 * (IF NOT EXISTS), so running them at each start is safe; applied files are recorded as
 * (:Migration) nodes for operators. Waits until indexes are online so the first queries
 * after start use them.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();
  for (const f of files) {
    for (const stmt of splitStatements(readFileSync(join(dir, f), 'utf8'))) await db.runSchema(stmt);
    await db.write((tx) =>
      tx.run({ cypher: 'MERGE (m:Migration {name: $name}) ON CREATE SET m.appliedAt = toString(datetime())', params: { name: f } }),
    );
  }
  await db.runSchema('CALL db.awaitIndexes(120)');
  return files;
}
