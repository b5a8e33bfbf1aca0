import { createHash } from 'node:crypto';
import type { CleanDoc, RawDoc } from '../types.js';
import { foldWidth, toNfc, unifyWhitespace } from './chars.js';
import { dropPageNumbers, dropRepeatedLines, dropWebWidgets, type Warn } from './noise.js';
import { fixSpacing } from './spacing.js';
import { simplifyIfTraditional } from './traditional.js';
import { joinWrappedLines } from './wraps.js';

export { foldWidth, toNfc, unifyWhitespace } from './chars.js';
export { dropPageNumbers, dropRepeatedLines, dropWebWidgets, isPageNumber, isWidgetLine } from './noise.js';
export { collapseSpaces, fixNumberSpacing, fixSpacing, removeCjkSpaces, widenCjkPunctuation } from './spacing.js';
export { isTraditional, simplifyIfTraditional, toSimplified } from './traditional.js';
export { isFinal, joinText, joinWrappedLines } from './wraps.js';

/** Trims every line and collapses runs of blank lines to a single blank line. */
export function collapseBlankLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/^[ \t]+|[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The text steps in order. Character fixes come first (so noise patterns see clean text);
 * noise goes before line joining (a page number between two halves of a sentence must not stop
 * the join); spacing fixes come after joining ("8 ." + "5 个" only becomes "8.5个" once joined).
 */
export function normalizeText(text: string, warn: Warn = () => {}): string {
  let s = toNfc(unifyWhitespace(text));
  s = foldWidth(s);
  const simplified = simplifyIfTraditional(s);
  if (simplified.converted) {
    s = simplified.text;
    warn('converted from Traditional Chinese to Simplified (OpenCC tw→cn)');
  }
  s = dropWebWidgets(s, warn);
  s = dropPageNumbers(s, warn);
  s = dropRepeatedLines(s, warn);
  s = joinWrappedLines(s, warn);
  s = fixSpacing(s);
  return collapseBlankLines(s);
}

/** RawDoc → CleanDoc. Never throws on odd text; what it changed is listed in `warnings`. */
export function normalize(raw: RawDoc): CleanDoc {
  const warnings = [...raw.warnings];
  const text = normalizeText(raw.text, (m) => warnings.push(m));
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  return { meta: raw.meta, origin: raw.origin, sha256, text, warnings };
}
