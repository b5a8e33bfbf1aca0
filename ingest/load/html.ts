import * as cheerio from 'cheerio';
import type { CheerioAPI, Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/**
 * HTML → plain text of the article only. Chinese news pages wrap a few paragraphs in share
 * buttons, breadcrumbs, mood polls, "推荐阅读" lists and comment boxes; ingesting those would
 * put other articles' sentences into this document's graph. So: drop the chrome, pick the
 * element holding the most Chinese text in its <p> children, and write its blocks out as
 * paragraphs (blank line between), headings as Markdown `#` lines so `structure` sees them.
 */

/** Elements that never hold article text. */
const DROP_TAGS = 'script, style, noscript, template, svg, canvas, nav, header, footer, aside, form, iframe, button, select, input, textarea, object, embed';

/** class/id words of page chrome. Long words match as substrings (shareBox, comment-list), short ones as whole tokens. */
const CHROME_WORDS = /share|comment|recommend|related|breadcrumb|crumb|toolbar|mood|vote|sidebar|advert|sponsor|popup|login|copyright/i;
const CHROME_TOKENS = new Set(['ad', 'ads', 'adv', 'gg', 'bdshare', 'jiathis', 'pinglun', 'tuijian', 'xgyd']);

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'figure', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'address', 'center',
]);

const HAN = /\p{Script=Han}/gu;

export interface HtmlExtract {
  text: string;
  /** og:title, first <h1> or <title> (site suffix removed), if any */
  title: string | null;
  warnings: string[];
}

/** Number of Han characters in a string. */
export function hanCount(s: string): number {
  return (s.match(HAN) ?? []).length;
}

/** Does this class/id look like page chrome (share bar, comments, ads …)? */
export function isChromeName(name: string): boolean {
  if (!name) return false;
  if (CHROME_WORDS.test(name)) return true;
  return name.toLowerCase().split(/[\s_\-]+|(?<=[a-z])(?=[A-Z])/).some((t) => CHROME_TOKENS.has(t.toLowerCase()));
}

/** The charset an HTML document declares in <meta>, read from its ASCII-compatible prefix. */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)/i.exec(head);
  return m ? m[1] : null;
}

function removeChrome($: CheerioAPI): void {
  $(DROP_TAGS).remove();
  $('[class], [id]').each((_, el) => {
    if (['html', 'body', 'article', 'main'].includes(el.tagName)) return;
    const $el = $(el);
    const name = `${$el.attr('class') ?? ''} ${$el.attr('id') ?? ''}`;
    if (isChromeName(name)) $el.remove();
  });
  $('[role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]').remove();
}

/**
 * Picks the main-content element: the most Han characters in direct <p> children, with a bonus
 * for <article> and content-like class names (many sites put the byline or the comment count in
 * <p>s of other boxes). Falls back to <body>.
 */
function pickMain($: CheerioAPI): Cheerio<Element> {
  let best: Element | null = null;
  let bestScore = 0;
  $('article, main, section, div, td, body').each((_, el) => {
    const $el = $(el);
    let han = 0;
    $el.children('p').each((__, p) => { han += hanCount($(p).text()); });
    if (!han) return;
    const name = `${$el.attr('class') ?? ''} ${$el.attr('id') ?? ''}`;
    let score = han;
    if (el.tagName === 'article') score *= 1.5;
    if (/content|article|text|main|正文/i.test(name)) score *= 1.3;
    if (score > bestScore) { best = el; bestScore = score; }
  });
  if (best) return $(best);
  return $('body').length ? $('body') : $.root().children().first() as Cheerio<Element>;
}

/** Writes a subtree out as blocks; inline runs are joined, whitespace collapsed (HTML whitespace is not text). */
function blocksOf($: CheerioAPI, root: Element): string[] {
  const blocks: string[] = [];
  let inline = '';
  const flush = () => {
    const t = inline.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (t) blocks.push(t);
    inline = '';
  };
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') { inline += (node as unknown as { data: string }).data; return; }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (tag === 'br') { flush(); return; }
    if (/^h[1-6]$/.test(tag)) {
      flush();
      const t = $(el).text().replace(/\s+/g, ' ').trim();
      if (t) blocks.push(`${'#'.repeat(Number(tag[1]))} ${t}`);
      return;
    }
    if (tag === 'tr') {
      flush();
      const cells = $(el).children('td, th').map((_, c) => $(c).text().replace(/\s+/g, ' ').trim()).get().filter(Boolean);
      if (cells.length) blocks.push(cells.join(' | '));
      return;
    }
    if (tag === 'img') {
      const alt = $(el).attr('alt')?.trim();
      if (alt && hanCount(alt) >= 4) inline += alt;
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const child of el.children) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}

function cleanTitle(t: string | undefined | null): string | null {
  if (!t) return null;
  // "标题_经济日报" / "标题 - 光明网" / "标题|人民网": keep the article part
  const s = t.replace(/\s+/g, ' ').trim().split(/\s*(?:[_|｜]| - | — )\s*/)[0]?.trim();
  return s || null;
}

/** Extracts the article text of an HTML page. Pure: string in, text out. */
export function extractHtml(html: string): HtmlExtract {
  const $ = cheerio.load(html);
  const warnings: string[] = [];
  const metaTitle = cleanTitle($('meta[property="og:title"]').attr('content')) ?? null;
  const docTitle = cleanTitle($('title').first().text());
  // the headline often sits outside the content box (or in a <header>): note it before dropping chrome
  const h1Text = $('h1').first().text().replace(/\s+/g, ' ').trim();
  removeChrome($);
  const main = pickMain($);
  const mainEl = main.get(0);
  if (!mainEl || mainEl.tagName === 'body') warnings.push('HTML: no main-content element with Chinese <p> text found; used the whole <body>');
  let blocks = mainEl ? blocksOf($, mainEl) : [];
  if (h1Text && mainEl && !blocks.some((b) => b.startsWith('# '))) blocks = [`# ${h1Text}`, ...blocks];
  const title = metaTitle ?? (h1Text || null) ?? docTitle;
  return { text: blocks.join('\n\n'), title: title ?? docTitle, warnings };
}
