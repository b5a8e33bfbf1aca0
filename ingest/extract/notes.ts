import type { NoteLink, Sentence, StructuredDoc } from '../types.js';
import { hasBracketMarkers, markersIn, normaliseMarker, ONLY_MARKERS } from './citations.js';

/**
 * Links every footnote to the sentences whose marker points to it, so the graph keeps notes
 * (data sources, explanations, references alike) reachable from the text they annotate.
 *
 * Circled markers restart on each page of a PDF, so a ① in a sentence points to the nearest
 * footnote ① after it (else the nearest before). A sentence made only of markers (① on its own
 * line) annotates the sentence before it. Pure.
 */
export function linkNotes(doc: StructuredDoc): NoteLink[] {
  const notes: NoteLink[] = doc.footnotes.map((f) => ({
    marker: normaliseMarker(f.marker), text: f.text, start: f.start, end: f.end, citedFrom: [],
  }));
  if (!notes.length) return notes;
  const byMarker = new Map<string, NoteLink[]>();
  for (const n of notes) byMarker.set(n.marker, [...(byMarker.get(n.marker) ?? []), n]);
  const numbered = new Set<number>();
  for (const n of notes) {
    const d = /^\[(\d+)\]$/.exec(n.marker);
    if (d) numbered.add(Number(d[1]));
  }
  // bare superscript digits only count in a text that does not cite with brackets
  const noteSpans = notes.map((n) => [n.start, n.end]);
  const running = doc.sentences.filter((s) => !noteSpans.some(([a, b]) => s.start < b && a < s.end));
  if (running.some((s) => hasBracketMarkers(s.text))) numbered.clear();
  let prev: Sentence | undefined;
  for (const s of doc.sentences) {
    const found = markersIn(s.text, numbered);
    const onlyMarkers = ONLY_MARKERS.test(s.text);
    const target = onlyMarkers && prev ? prev : s;
    for (const f of found) {
      const same = byMarker.get(f.marker);
      if (!same) continue;
      const pos = s.start + f.at;
      const pick = same.find((n) => n.start >= pos) ?? [...same].reverse().find((n) => n.start < pos)!;
      if (!pick.citedFrom.includes(target.ordinal)) pick.citedFrom.push(target.ordinal);
    }
    if (!onlyMarkers) prev = s;
  }
  return notes;
}
