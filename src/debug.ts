/**
 * Namespaced debug logging, off by default: `DEBUG=kg:cypher` prints every Cypher statement with
 * its parameters, `DEBUG=kg:*` everything. Output goes to stderr so it never mixes with results.
 */
const enabled = (ns: string): boolean =>
  (process.env.DEBUG ?? '').split(',').map((s) => s.trim()).some((p) => p === ns || (p.endsWith('*') && ns.startsWith(p.slice(0, -1))));

export function debug(ns: string): ((...args: unknown[]) => void) | null {
  if (!enabled(ns)) return null;
  return (...args) => console.error(`[${ns}]`, ...args);
}
