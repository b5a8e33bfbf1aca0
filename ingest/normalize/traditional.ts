import * as OpenCC from 'opencc-js';

/**
 * Traditional → Simplified. The lexicons, the gazetteer and jieba's dictionary are Simplified, so
 * a Traditional text (Taiwan/Hong Kong papers, Big5 files) would match nothing. Detection counts
 * frequent characters that exist only in Traditional against their Simplified forms, so a
 * Simplified text that quotes a Traditional name (臺灣) is left alone.
 */

/** Frequent Traditional-only characters paired index-by-index with their Simplified forms. */
const TRADITIONAL = '們國這會發經對與區個說時為學現實進開關設產業體務結濟來過還從當動機職權';
const SIMPLIFIED = '们国这会发经对与区个说时为学现实进开关设产业体务结济来过还从当动机职权';

const TRAD_SET = new Set(TRADITIONAL);
const SIMP_SET = new Set(SIMPLIFIED);

export interface ScriptCounts {
  traditional: number;
  simplified: number;
}

/** Counts Traditional-only and Simplified-only marker characters. */
export function countScriptMarkers(text: string): ScriptCounts {
  let traditional = 0;
  let simplified = 0;
  for (const c of text) {
    if (TRAD_SET.has(c)) traditional++;
    else if (SIMP_SET.has(c)) simplified++;
  }
  return { traditional, simplified };
}

/** True when the text is written in Traditional characters (at least 3 markers, more than Simplified ones). */
export function isTraditional(text: string): boolean {
  const { traditional, simplified } = countScriptMarkers(text);
  return traditional >= 3 && traditional > simplified;
}

let converter: ((s: string) => string) | null = null;

/** OpenCC Taiwan-standard → mainland Simplified (also covers Hong Kong texts' common characters). Built once, lazily. */
export function toSimplified(text: string): string {
  const convert = (converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  return convert(text);
}

/** Converts when the text is Traditional; returns whether it did. */
export function simplifyIfTraditional(text: string): { text: string; converted: boolean } {
  if (!isTraditional(text)) return { text, converted: false };
  return { text: toSimplified(text), converted: true };
}
