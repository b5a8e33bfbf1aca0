import { HAN } from './chars.js';

/**
 * Spaces and punctuation inside lines. PDF extraction puts spaces between every glyph run
 * ("1 . 9 万", "2016 年", "《 关于…》 ，"), web editors type ASCII commas between Chinese
 * characters; both break matching (jieba, lexicons, regexes over 《》). All functions work line
 * by line and never touch newlines or tabs (tabs carry TOC page numbers).
 */

/** Chinese punctuation that never occurs in English text: spaces next to it are always artefacts. */
const CN_PUNCT = '、。，；：？！（）《》〈〉「」『』【】〔〕［］｛｝…—～·．';
/** Curly quotes are shared with English ("China’s"), so only spaces between them and CJK/digits go. */
const QUOTES = '“”‘’';
const CJK = `${HAN}${CN_PUNCT}${QUOTES}`;

// Built once: fixSpacing runs these on every line of every document.
const DIGIT_SPACE_HAN = new RegExp(`(\\d) +(?=${HAN})`, 'gu');
const HAN_SPACE_DIGIT = new RegExp(`(${HAN}) +(?=\\d)`, 'gu');
const SPACE_AT_PUNCT = new RegExp(`(?<=[${CN_PUNCT}]) +| +(?=[${CN_PUNCT}])`, 'gu');
const SPACE_AT_QUOTE = new RegExp(`(?<=[${QUOTES}]) +(?=[${HAN}\\d${CN_PUNCT}])|(?<=[${HAN}\\d${CN_PUNCT}]) +(?=[${QUOTES}])`, 'gu');
const HAN_SPACE_HAN = new RegExp(`(${HAN}) +(?=${HAN})`, 'gu');
const ASCII_PUNCT_AT_CJK = new RegExp(`(?<=[${CJK}]) *([,;:?!]) *(?=[${CJK}\\d])|(?<=[${CJK}\\d%]) *([,;:?!]) *(?=[${CJK}])`, 'gu');
const OPEN_PAREN_IN_HAN = new RegExp(`(?<=${HAN})\\((?=${HAN})`, 'gu');
const CLOSE_PAREN_IN_HAN = new RegExp(`(?<=${HAN})\\)(?=${HAN})`, 'gu');

/**
 * Joins numbers the PDF split: "1 . 9" → "1.9", "978 - 7 - 5097" → "978-7-5097", "6 . 64 %" →
 * "6.64%", and drops the space between a number and a Chinese character ("2016 年" → "2016年",
 * "达 111" → "达111").
 */
export function fixNumberSpacing(s: string): string {
  return s
    .replace(/(\d) *\. *(?=\d)/g, '$1.')
    .replace(/(\d) +- +(?=\d)|(\d) +-(?=\d)|(\d)- +(?=\d)/g, (_, a, b, c) => `${a ?? b ?? c}-`)
    .replace(/(\d) +(?=[%‰])/g, '$1')
    .replace(DIGIT_SPACE_HAN, '$1')
    .replace(HAN_SPACE_DIGIT, '$1');
}

/** Length of the run of Han characters ending at (dir -1) or starting at (dir 1) index i. */
function hanRun(s: string, i: number, dir: 1 | -1): number {
  const re = /\p{Script=Han}/u;
  let n = 0;
  for (let k = i; k >= 0 && k < s.length && re.test(s[k]); k += dir) n++;
  return n;
}

/**
 * Removes spaces the PDF put between Chinese characters ("浙江 省的" → "浙江省的", "目 录" →
 * "目录") and next to Chinese punctuation ("《 关于…》 ，" → "《关于…》，"). In running text
 * (a line with 。，；！？) every such space goes. In title-like lines without that punctuation a
 * space between two runs of ≥ 2 characters is kept: there it is a real separator (names
 * "李小建 仇建涛", title parts "城镇化健康发展 协同创新理论与实践"). The space after a heading
 * number ("第一节 写作动因", "一 对农村发展的眷恋") is kept too. Spaces between Latin words stay.
 */
export function removeCjkSpaces(line: string): string {
  const lead = /^(第[一二三四五六七八九十百零〇\d]+[章节篇部编]|[一二三四五六七八九十]{1,3}|[#]{1,6}) +/.exec(line);
  const head = lead ? lead[0] : '';
  let s = line.slice(head.length);
  s = s.replace(SPACE_AT_PUNCT, '');
  s = s.replace(SPACE_AT_QUOTE, '');
  const running = /[。，；！？]/.test(line);
  s = s.replace(HAN_SPACE_HAN, (m, _c, offset: number) => {
    if (running) return m.trimEnd();
    const left = hanRun(s, offset, -1);
    const right = hanRun(s, offset + m.length, 1);
    return left >= 2 && right >= 2 ? m.replace(/ +/, ' ') : m.trimEnd();
  });
  return head + s;
}

const ASCII_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/**
 * ASCII , ; : ? ! between Chinese text → ，；：？！ ("推进,城市" → "推进，城市", "来源:经济日报" →
 * "来源：经济日报"); ASCII parentheses around Chinese text → （）. Times (09:51), URLs and
 * English stay as they are: one side must be a Chinese character.
 */
export function widenCjkPunctuation(line: string): string {
  const s0 = line;
  let s = line.replace(
    ASCII_PUNCT_AT_CJK,
    (m, a: string | undefined, b: string | undefined, offset: number) => {
      const p = (a ?? b)!;
      // digit:digit or digit,digit are numbers, not punctuation
      const prev = s0[offset - 1] ?? '';
      const next = s0[offset + m.length] ?? '';
      if (/\d/.test(prev) && /\d/.test(next)) return m;
      return ASCII_TO_FULL[p];
    },
  );
  // parentheses: innermost pairs first, so "(中央党校(国家行政学院)研究员)" converts both levels
  for (let guard = 0; guard < 10; guard++) {
    const next = s.replace(/\(([^()]*)\)/g, (m, inner: string) => (/\p{Script=Han}/u.test(inner) ? `（${inner}）` : `\u0001${inner}\u0002`));
    if (next === s) break;
    s = next;
  }
  s = s.replace(/\u0001/g, '(').replace(/\u0002/g, ')');
  s = s.replace(OPEN_PAREN_IN_HAN, '（').replace(CLOSE_PAREN_IN_HAN, '）');
  return balanceMixedParens(s);
}

/** "（2011一2013 )" — a full-width opening closed by an ASCII parenthesis (or the reverse): make the pair full-width. */
export function balanceMixedParens(line: string): string {
  const chars = [...line];
  const stack: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '(' || c === '（') stack.push(i);
    else if ((c === ')' || c === '）') && stack.length) {
      const o = stack.pop()!;
      if (chars[o] !== (c === ')' ? '(' : '（')) {
        chars[o] = '（';
        chars[i] = '）';
        for (let k = i - 1; k > o && chars[k] === ' '; k--) chars[k] = '';
      }
    }
  }
  return chars.join('');
}

/** Collapses runs of spaces to one and trims the line (tabs kept). */
export function collapseSpaces(line: string): string {
  return line.replace(/ {2,}/g, ' ').replace(/^[ \t]+|[ \t]+$/g, '');
}

/** All intra-line fixes, in order, applied to every line. */
export function fixSpacing(text: string): string {
  return text
    .split('\n')
    .map((l) => collapseSpaces(removeCjkSpaces(widenCjkPunctuation(fixNumberSpacing(collapseSpaces(l))))))
    .join('\n');
}
