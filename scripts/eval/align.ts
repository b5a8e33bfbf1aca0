/**
 * Aligning gold sentences (verbatim quotes) to the pipeline's normalized document text.
 *
 * Gold quotes are verbatim from the source file; the pipeline text is normalized (line wraps
 * joined, spaces around CJK removed, ASCII , ; : ? ! between Chinese widened, full-width digits
 * folded, page numbers dropped). Both sides are therefore compared "squeezed": every whitespace
 * character removed and every character passed through `foldChar`. The squeezed document keeps,
 * for each of its code units, the offset it came from in the document, so a match in squeezed
 * space maps back to document offsets (UTF-16, end exclusive, like `ingest/types.ts`).
 *
 * A quote is searched forward from the end of the previous match. If it is not found whole, it
 * may join pieces separated by a footnote block, a page number or a marker glued to a page number
 * (README "Matching notes"): the longest prefix found after the cursor becomes the first piece,
 * then the longest prefix of the rest found within `maxGap` squeezed characters becomes the next
 * piece, and so on. The alignment keeps the pieces, so text in the gaps is out of scope. The
 * quotes that follow a gapped match are looked for inside its gaps first (a PDF may print a
 * heading in the middle of the sentence that precedes it in reading order).
 *
 * Pure: no I/O.
 */

/** ASCII punctuation that Chinese text writes full-width; both widths fold to the full-width form. */
const TO_FULL: Record<string, string> = {
  ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）',
};
/** Full-width forms that are Chinese punctuation and stay full-width (the targets of TO_FULL). */
const KEEP_FULL = new Set(Object.values(TO_FULL));

/**
 * One UTF-16 code unit → its comparison form: full-width letters, digits and symbols
 * (U+FF01–FF5E) → ASCII, except the Chinese punctuation ，：；？！（）; then ASCII , : ; ? ! ( ) →
 * full-width. The ideographic space is whitespace and is removed by `squeeze`, not here.
 */
export function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e && !KEEP_FULL.has(c)) c = String.fromCharCode(code - 0xfee0);
  return TO_FULL[c] ?? c;
}

const WS = /\s/;

/** A squeezed text and, per squeezed code unit, the offset of that unit in the original text. */
export interface Squeezed {
  text: string;
  offsets: number[];
}

/** Removes all whitespace and folds widths, keeping an index back to original offsets. */
export function squeezeWithIndex(text: string): Squeezed {
  let out = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (WS.test(c)) continue;
    out += foldChar(c);
    offsets.push(i);
  }
  return { text: out, offsets };
}

/** Comparison form of a string (quote, surface, name): whitespace removed, widths folded. */
export function squeeze(s: string): string {
  return squeezeWithIndex(s).text;
}

export interface Span {
  start: number;
  end: number;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export interface Alignment {
  /** index of the gold sentence */
  index: number;
  quote: string;
  found: boolean;
  /** document offsets covered, first piece start to last piece end (−1 when not found) */
  start: number;
  end: number;
  /** contiguous document ranges the quote was found in (one unless it joins pieces across a gap) */
  pieces: Span[];
  /** ordinals of the pipeline sentences the pieces overlap */
  sentences: number[];
  /** per code unit of the squeezed quote, its document offset (empty when not found) */
  map: number[];
}

export interface AlignOptions {
  /** largest gap (squeezed characters) allowed between two pieces of one quote */
  maxGap?: number;
  /** shortest first piece accepted for a quote that is not found whole */
  minFirstPiece?: number;
}

/** Longest prefix of `q` (from `from`) that occurs in `s` at or after `lo` and starts at most at `hi`; [length, position]. */
function longestPrefix(s: string, q: string, from: number, lo: number, hi: number): [number, number] {
  // monotone: if a prefix of length L occurs at p, every shorter prefix occurs at p too
  let best: [number, number] = [0, -1];
  let a = 1;
  let b = q.length - from;
  while (a <= b) {
    const mid = (a + b) >> 1;
    const p = s.indexOf(q.slice(from, from + mid), lo);
    if (p >= 0 && p <= hi) {
      best = [mid, p];
      a = mid + 1;
    } else {
      b = mid - 1;
    }
  }
  return best;
}

/**
 * Aligns gold quotes, in order, to the document. `sentences` are the pipeline sentences
 * (only ordinal/start/end are used) for reporting which ones each quote overlaps.
 */
export function alignSentences(
  docText: string,
  sentences: readonly { ordinal: number; start: number; end: number }[],
  quotes: readonly string[],
  opts: AlignOptions = {},
): Alignment[] {
  const maxGap = opts.maxGap ?? 800;
  const minFirst = opts.minFirstPiece ?? 4;
  const doc = squeezeWithIndex(docText);
  const S = doc.text;
  let cursor = 0;
  // squeezed ranges skipped inside the previous gapped match (a heading or sentence printed in
  // the middle of another one); the next quotes are looked for there first
  let gaps: [number, number][] = [];
  return quotes.map((quote, index) => {
    const q = squeeze(quote);
    const miss: Alignment = { index, quote, found: false, start: -1, end: -1, pieces: [], sentences: [], map: [] };
    if (!q) return miss;
    // squeezed-space pieces: [quote from, doc position, length]
    const parts: [number, number, number][] = [];
    let inGap = -1;
    for (let g = 0; g < gaps.length && inGap < 0; g++) {
      const p = S.indexOf(q, gaps[g][0]);
      if (p >= 0 && p + q.length <= gaps[g][1]) {
        inGap = p;
        gaps = [[p + q.length, gaps[g][1]], ...gaps.slice(g + 1)];
      }
    }
    const whole = inGap >= 0 ? inGap : S.indexOf(q, cursor);
    if (whole >= 0) {
      parts.push([0, whole, q.length]);
      if (inGap < 0) gaps = [];
    } else {
      const [len, pos] = longestPrefix(S, q, 0, cursor, S.length);
      if (len < Math.min(minFirst, q.length)) return miss;
      parts.push([0, pos, len]);
      let qi = len;
      let si = pos + len;
      while (qi < q.length) {
        const [l, p] = longestPrefix(S, q, qi, si, si + maxGap);
        if (l === 0) return miss;
        parts.push([qi, p, l]);
        qi += l;
        si = p + l;
      }
    }
    const map: number[] = new Array(q.length);
    const pieces: Span[] = [];
    for (const [qf, sp, len] of parts) {
      for (let k = 0; k < len; k++) map[qf + k] = doc.offsets[sp + k];
      const piece = { start: doc.offsets[sp], end: doc.offsets[sp + len - 1] + 1 };
      const last = pieces[pieces.length - 1];
      if (last && last.end === piece.start) last.end = piece.end;
      else pieces.push(piece);
    }
    if (inGap < 0) {
      const [lp, ll] = [parts[parts.length - 1][1], parts[parts.length - 1][2]];
      cursor = lp + ll;
      gaps = [];
      for (let k = 1; k < parts.length; k++) gaps.push([parts[k - 1][1] + parts[k - 1][2], parts[k][1]]);
    }
    const start = pieces[0].start;
    const end = pieces[pieces.length - 1].end;
    const overlapped = sentences.filter((s) => pieces.some((p) => overlaps(p, s))).map((s) => s.ordinal);
    return { index, quote, found: true, start, end, pieces, sentences: overlapped, map };
  });
}

/**
 * Document span of a surface inside an aligned quote, occurrence by occurrence: the first
 * occurrence at or after `from` (a position in the squeezed quote); null if none.
 * Returns the document span and the squeezed-quote position just after it.
 */
export function locateIn(al: Alignment, surface: string, from: number): { span: Span; qStart: number; qEnd: number } | null {
  if (!al.found) return null;
  const q = squeeze(al.quote);
  const s = squeeze(surface);
  if (!s) return null;
  const p = q.indexOf(s, from);
  if (p < 0) return null;
  return { span: { start: al.map[p], end: al.map[p + s.length - 1] + 1 }, qStart: p, qEnd: p + s.length };
}

/**
 * Document spans of gold mention surfaces in one aligned quote. Mentions are listed in order of
 * appearance and do not overlap (GUIDELINES), so each is searched after the previous one; if that
 * fails (a mis-ordered list), the k-th occurrence of the surface for its k-th listing that does
 * not overlap an already placed mention is used. Unlocatable surfaces give null.
 */
export function locateMentions(al: Alignment, surfaces: readonly string[]): (Span | null)[] {
  const out: (Span | null)[] = [];
  const placed: [number, number][] = [];
  const seen = new Map<string, number>();
  let cursor = 0;
  for (const surface of surfaces) {
    const key = squeeze(surface);
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    let hit = locateIn(al, surface, cursor);
    if (hit && placed.some(([a, b]) => hit!.qStart < b && a < hit!.qEnd)) hit = null;
    if (!hit) {
      // fallback: k-th non-overlapping occurrence, skipping those that overlap placed mentions
      let from = 0;
      let n = 0;
      for (let h = locateIn(al, surface, from); h; h = locateIn(al, surface, from)) {
        from = h.qStart + 1;
        if (placed.some(([a, b]) => h.qStart < b && a < h.qEnd)) continue;
        if (n++ === k) { hit = h; break; }
        from = h.qEnd;
      }
    }
    if (hit) {
      placed.push([hit.qStart, hit.qEnd]);
      cursor = hit.qEnd;
      out.push(hit.span);
    } else {
      out.push(null);
    }
  }
  return out;
}
