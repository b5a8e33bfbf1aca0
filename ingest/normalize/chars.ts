/**
 * Character-level clean-up: line endings, invisible characters, Unicode composition and
 * full-width letters/digits. Every function is pure and line-structure preserving.
 */

/** Han ideographs (incl. extensions and compatibility blocks). */
export const HAN = '\\p{Script=Han}';

/** CRLF/CR → LF; zero-width and soft-hyphen characters removed; exotic spaces → ' '; stray controls removed (tab kept: TOC page numbers hang on it). */
export function unifyWhitespace(s: string): string {
  return s
    .replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

/**
 * NFC, not NFKC: composition is safe (it also maps the CJK compatibility ideographs PDF fonts
 * emit, e.g. U+F963 北, to the unified character the lexicons use), while NFKC would turn ①
 * into 1 and full-width Chinese punctuation into ASCII, destroying footnote markers and the
 * punctuation sentence splitting relies on.
 */
export function toNfc(s: string): string {
  return s.normalize('NFC');
}

/** Full-width symbols that are not Chinese punctuation and fold to ASCII. */
const FOLD_SYMBOLS = new Set('％＋－＝＠＃＆＊／＿＜＞＾｀｜＼＄'.split(''));

/**
 * Full-width ASCII letters, digits and non-punctuation symbols → half-width (Ａ→A, ２０１６→2016,
 * ％→%). Chinese punctuation （），：；？！． ［］ stays, except a full-width point between digits
 * (4 ．15 → 4.15), which is a decimal point.
 */
export function foldWidth(s: string): string {
  let out = s.replace(/[\uFF01-\uFF5E]/g, (c) => {
    const code = c.charCodeAt(0);
    const isAlnum = (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
    return isAlnum || FOLD_SYMBOLS.has(c) ? String.fromCharCode(code - 0xfee0) : c;
  });
  out = out.replace(/(\d)[ \t]*．[ \t]*(?=\d)/g, '$1.');
  return out;
}
