import { headingShape, isTableRow, isTableSeparator, isTocLine } from '../structure/lines.js';

/**
 * Page noise: text that is on the page but not in the work. Web captures bring share buttons,
 * breadcrumbs, mood polls and "推荐阅读" lists (other articles' sentences!); PDF extractions bring
 * page numbers and running headers. Each function takes and returns whole text, line structure
 * kept, and reports what it dropped through `warn`.
 */
export type Warn = (message: string) => void;

const noop: Warn = () => {};

/** Lines that are web-page widgets, matched on the trimmed line. */
const WIDGET_LINES: RegExp[] = [
  /^点击右上角.{0,12}(微信|好友|分享)/,
  /^(朋友圈|微信好友|微信|QQ空间|QQ好友|新浪微博|微博|腾讯微博|人人网|豆瓣|分享|分享到[:：]?.*|一键分享|扫一扫.{0,12})$/,
  /请使用浏览器.{0,4}分享功能/,
  /^正在阅读[:：]/,
  /^(当前位置|您的位置|你的位置|位置)[:：]/,
  /^首页\s*[>›»]/,
  /[>›»]\s*正文\s*$/,
  /上一篇\s*下一篇/,
  /^(上一篇|下一篇)[:：]/,
  /^(阅读剩余全文|展开全文|查看全文|加载更多|点击加载更多|返回顶部|打印本页|关闭窗口|收藏本文|字号[:：].{0,8}|您此时的心情|新闻表情排行\s*\/?|我要评论|发表评论|网友评论|评论\s*\d*|相关新闻|相关阅读|相关文章|热门推荐|猜你喜欢|视觉焦点|独家策划)\s*[(（]?$/,
  /^(\[|【)?\s*(责任编辑|责编)\s*[:：/]/,
  /^[(（]\s*(责任编辑|责编)\s*[:：]/,
];

/** Mood-poll words: a line made only of these (with bullets and counts) is a poll. */
const MOOD = /^(?:[•·\s\d]*(?:感动|同情|无聊|愤怒|搞笑|难过|高兴|路过|开心|点赞|飘过|震惊|鼓掌|流泪|好笑|气愤|担忧|期待|不解|稀奇|新奇|支持|反对)[\s\d]*)+$/;

/** The end-of-article stamp of a web page: everything after it is page furniture. */
const WEB_ARTICLE_END = /^[\[【(（]\s*(责编|责任编辑)\s*[:：].*[\]】)）]$/;

/** A line of running text: long, with clause and sentence punctuation (teaser titles have neither). */
function isProse(line: string): boolean {
  const t = line.trim();
  return t.length >= 30 && /[。！？]/.test(t) && (t.match(/[，、；：]/g) ?? []).length >= 2;
}

function nextNonEmpty(lines: string[], i: number): string | undefined {
  for (let k = i + 1; k < lines.length; k++) if (lines[k].trim()) return lines[k];
  return undefined;
}

/** Lists of other articles; the whole block (to the next blank line) goes. */
const RECOMMENDED_BLOCK = /^(推荐阅读|相关推荐|热点推荐|相关阅读|相关新闻|热门文章|精彩推荐|为你推荐|猜你喜欢)\s*[:：]?$/;

/** Is this trimmed line a web widget? */
export function isWidgetLine(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  if (WIDGET_LINES.some((re) => re.test(t))) return true;
  return MOOD.test(t) && /[^\s\d•·]/.test(t);
}

/**
 * Drops web widget lines, the "推荐阅读" block and the furniture after a bracketed 责编 stamp (up
 * to the next line of running prose);
 * removes 【纠错】 and similar inline buttons.
 */
export function dropWebWidgets(text: string, warn: Warn = noop): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let dropped = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (WEB_ARTICLE_END.test(t)) {
      // Teasers (title, one-paragraph summary, date), counters and buttons follow the stamp.
      // Two prose paragraphs in a row never occur there: they start a second article (a
      // bulletin of reprints, a concatenated file), which must survive.
      let j = i + 1;
      while (j < lines.length && !(isProse(lines[j]) && isProse(nextNonEmpty(lines, j) ?? ''))) j++;
      const skipped = lines.slice(i, j).filter((l) => l.trim()).length;
      warn(`dropped ${skipped} line(s) of page furniture after the web article's end stamp "${t}"`);
      dropped += skipped;
      i = j - 1;
      continue;
    }
    if (RECOMMENDED_BLOCK.test(t)) {
      let j = i;
      while (j < lines.length && lines[j].trim()) j++;
      dropped += j - i;
      i = j - 1;
      continue;
    }
    if (isWidgetLine(t)) { dropped++; continue; }
    const cleaned = lines[i].replace(/[【\[](纠错|打印|关闭|收藏|分享|评论|举报)[】\]]/g, '');
    if (cleaned !== lines[i] && !cleaned.trim()) { dropped++; continue; }
    out.push(cleaned);
  }
  if (dropped) warn(`dropped ${dropped} web widget line(s)`);
  return out.join('\n');
}

/** Standalone page numbers ("3", "- 12 -", "第 5 页", "5/22"); four-digit numbers are kept, they are usually years. */
export function isPageNumber(line: string): boolean {
  const t = line.trim();
  return /^[-–—]?\s*\d{1,3}\s*[-–—]?$/.test(t) || /^第\s*\d{1,4}\s*页$/.test(t) || /^\d{1,4}\s*\/\s*\d{1,4}$/.test(t) || /^[Pp]age\s+\d{1,4}$/.test(t);
}

/** Drops standalone page-number lines. */
export function dropPageNumbers(text: string, warn: Warn = noop): string {
  let n = 0;
  const out = text.split('\n').filter((l) => (isPageNumber(l) ? (n++, false) : true));
  if (n) warn(`dropped ${n} page-number line(s)`);
  return out.join('\n');
}

/** Running headers/footers are short lines. */
export const RUNNING_HEADER_MAX_CHARS = 30;
export const RUNNING_HEADER_MIN_REPEATS = 3;

/**
 * Drops short lines repeated ≥ 3 times (running headers/footers, per-page journal names). A
 * repeated heading-shaped line keeps its first occurrence, which is the real heading (or its
 * table-of-contents entry); TOC lines and table separators are not counted.
 */
export function dropRepeatedLines(text: string, warn: Warn = noop): string {
  const lines = text.split('\n');
  const counts = new Map<string, number>();
  for (const l of lines) {
    const t = l.trim();
    if (!t || [...t].length > RUNNING_HEADER_MAX_CHARS || isTocLine(t) || isTableSeparator(t)) continue;
    // footnote markers ("①") and lone punctuation repeat naturally; headers have words
    if ((t.match(/[\p{Script=Han}A-Za-z]/gu) ?? []).length < 2) continue;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const repeated = new Set([...counts].filter(([, n]) => n >= RUNNING_HEADER_MIN_REPEATS).map(([t]) => t));
  if (!repeated.size) return text;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const l of lines) {
    const t = l.trim();
    if (repeated.has(t)) {
      const keepFirst = !!headingShape(t) && !isTableRow(t);
      if (keepFirst && !seen.has(t)) out.push(l);
      seen.add(t);
      continue;
    }
    out.push(l);
  }
  for (const t of repeated) warn(`dropped repeated running header/footer "${t}" (×${counts.get(t)})`);
  return out.join('\n');
}
