/**
 * Markdown → the plain-text shape the rest of the pipeline reads: ATX `#` heading lines kept
 * (structure turns them into sections), inline markup removed so offsets point at words rather
 * than `**`, link targets and images dropped, table rows kept as `cell | cell` lines, footnotes
 * `[^1]` rewritten to the `[1]` form Chinese papers use. Line-based on purpose: no Markdown
 * parser dependency, and each line's text survives untouched apart from markup.
 */

export interface MarkdownExtract {
  text: string;
  /** `title:` from YAML front matter, or the first heading */
  title: string | null;
}

const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Strips inline markup from one line of Markdown. Pure; exported for tests. */
export function stripInline(line: string): string {
  let s = line;
  s = s.replace(/!\[([^\]]*)\]\([^)]*\)/g, '');                  // images
  s = s.replace(/!\[([^\]]*)\]\[[^\]]*\]/g, '');
  s = s.replace(/\[\^([^\]]+)\]/g, '[$1]');                       // footnote refs [^1] → [1]
  s = s.replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1');  // [text](url "t")
  s = s.replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1');                 // [text][ref]
  s = s.replace(/<((?:https?|ftp|mailto):[^>\s]+)>/g, '$1');      // <http://…>
  s = s.replace(/<\/?[A-Za-z][^>]*>/g, '');                       // inline HTML
  s = s.replace(/`([^`]+)`/g, '$1');
  s = s.replace(/(\*\*|__)(?=\S)([^*_]*?\S)\1/g, '$2');
  s = s.replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2');
  s = s.replace(/(^|[^\w_])_(?=\S)([^_]*?\S)_(?![A-Za-z0-9_])/g, '$1$2');
  s = s.replace(/~~(?=\S)(.*?\S)~~/g, '$1');
  s = s.replace(/\\([\\`*_{}\[\]()#+\-.!|>~])/g, '$1');           // escapes
  return s;
}

/** Converts Markdown source to pipeline text. Pure. */
export function markdownToText(md: string): MarkdownExtract {
  let lines = md.replace(/\r\n?/g, '\n').split('\n');
  let title: string | null = null;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (end > 0) {
      for (const l of lines.slice(1, end)) {
        const m = /^title\s*:\s*["']?(.*?)["']?\s*$/.exec(l);
        if (m && m[1]) title = m[1];
      }
      lines = lines.slice(end + 1);
    }
  }
  const out: string[] = [];
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (/^\s*(```|~~~)/.test(raw)) { fence = !fence; continue; }
    if (fence) { out.push(raw); continue; }
    const next = lines[i + 1] ?? '';
    // setext headings: "标题\n====" / "标题\n----"
    if (raw.trim() && !/^\s*[|>#-]/.test(raw) && /^\s*(=+|-+)\s*$/.test(next) && next.trim().length >= 2) {
      out.push(`${next.trim()[0] === '=' ? '#' : '##'} ${stripInline(raw.trim())}`);
      i++;
      continue;
    }
    if (/^\s*\[[^\]^]+\]:\s*\S+/.test(raw)) continue;              // link definitions
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(raw)) { out.push(''); continue; } // horizontal rule
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    if (heading) {
      const text = stripInline(heading[2]);
      title ??= text || null;
      out.push(`${heading[1]} ${text}`);
      continue;
    }
    if (TABLE_SEPARATOR.test(raw) && raw.includes('-') && raw.includes('|')) continue;
    if (/^\s*\|.*\|\s*$/.test(raw)) {
      const cells = raw.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => stripInline(c.trim())).filter(Boolean);
      if (cells.length) out.push(cells.join(' | '));
      continue;
    }
    let line = raw.replace(/^\s*(>\s?)+/, '');                      // blockquote
    line = line.replace(/^\s*\[\^([^\]]+)\]:\s*/, '[$1] ');          // footnote definition
    line = line.replace(/^(\s*)[-*+]\s+(\[[ xX]\]\s+)?/, '$1');       // bullets, task boxes
    out.push(stripInline(line).replace(/\s+$/, ''));
  }
  return { text: out.join('\n'), title };
}
