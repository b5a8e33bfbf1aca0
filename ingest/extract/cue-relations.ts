import type { EntityType, Mention, Relation, RelationType, SegmentedDoc, Sentence } from '../types.js';

/**
 * DRIVES / SUPPORTS / HINDERS between two mentions of one sentence, from cue verbs:
 *   <A>(带动|推动|驱动|引领|拉动)<B>                 A DRIVES B
 *   <A>(促进|有利于|提升|支持|支撑|助力|服务于)<B>   A SUPPORTS B (guidelines: 促进 is SUPPORTS)
 *   <A>(制约|阻碍|限制|抑制)<B>, <A>影响(了|到)<B>…发展   A HINDERS B
 *   <A>对<B>(具有|有|起到|发挥|产生)…(带动|推动|促进|制约…)作用/效应   A → B (nominal form)
 * A is the nearest mention before the cue and B the nearest after it, both in the cue's clause
 * (no ，。；：between) and at most MAX_GAP characters from the cue. A negated cue (不/未/没有/缺乏/
 * 难以/无法 right before) yields nothing, and so does a nominal cue without 对 (…的带动作用).
 */

const CUES: { re: RegExp; type: RelationType }[] = [
  { re: /辐射带动|带动|推动|驱动|引领|拉动/y, type: 'DRIVES' },
  { re: /促进|有利于|提升|服务于|支撑|支持|助力/y, type: 'SUPPORTS' },
  { re: /制约|阻碍|限制|抑制|影响(?:了|到)?/y, type: 'HINDERS' },
];
const ELIGIBLE: ReadonlySet<EntityType> = new Set(['INDUSTRY', 'CONCEPT', 'THEORY', 'POLICY', 'PLACE', 'ORGANIZATION']);
const CLAUSE_PUNCT = /[，,。；;：:！？!?]/;
const MAX_GAP = 12;
const NEGATION = /(?:不|未|没有|没|缺乏|难以|无法|不能|未能|不会|尚未|不足以)$/;

function clauseBounds(text: string, at: number): [number, number] {
  let a = at;
  while (a > 0 && !CLAUSE_PUNCT.test(text[a - 1])) a--;
  let b = at;
  while (b < text.length && !CLAUSE_PUNCT.test(text[b])) b++;
  return [a, b];
}

export function extractCueRelations(doc: SegmentedDoc, mentions: Mention[]): Relation[] {
  const out: Relation[] = [];
  const seen = new Set<string>();
  const push = (type: RelationType, from: Mention, to: Mention, s: Sentence) => {
    if (from.entity === to.entity) return;
    const k = `${type}|${from.entity}|${to.entity}|${s.ordinal}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ type, from: from.entity, to: to.entity, sentence: s.ordinal });
  };

  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions) {
    if (!ELIGIBLE.has(m.type)) continue;
    const list = bySentence.get(m.sentence) ?? [];
    list.push(m);
    bySentence.set(m.sentence, list);
  }

  for (const s of doc.sentences) {
    const ms = (bySentence.get(s.ordinal) ?? [])
      .filter((m) => m.start >= s.start && m.end <= s.end)
      .sort((x, y) => x.start - y.start);
    if (ms.length < 2) continue;
    const text = s.text;
    const rel = (m: Mention) => ({ a: m.start - s.start, b: m.end - s.start });
    const inside = (i: number) => ms.some((m) => rel(m).a <= i && i < rel(m).b);

    for (let i = 0; i < text.length; i++) {
      if (inside(i)) continue;
      let cue: { len: number; type: RelationType; word: string } | null = null;
      for (const c of CUES) {
        c.re.lastIndex = i;
        const m = c.re.exec(text);
        if (m) {
          cue = { len: m[0].length, type: c.type, word: m[0] };
          break;
        }
      }
      if (!cue) continue;
      const end = i + cue.len;
      const [ca, cb] = clauseBounds(text, i);
      if (NEGATION.test(text.slice(Math.max(ca, i - 4), i))) {
        i = end - 1;
        continue;
      }
      // 影响 only in the sense "hurts …'s development": not 影响力/影响因素/的影响/产生影响
      if (cue.word.startsWith('影响')) {
        if (/^[力因]/.test(text.slice(end)) || text[i - 1] === '的') {
          i = end - 1;
          continue;
        }
      }
      const nominal = /^(?:作用|效应)/.test(text.slice(end).replace(/^[的了]/, ''));
      let A: Mention | undefined;
      let B: Mention | undefined;
      if (nominal) {
        // A 对 B (具有|有|起到|发挥)…(带动)作用 — also 发挥A对B的带动作用
        const dui = text.lastIndexOf('对', i);
        if (dui < ca) {
          i = end - 1;
          continue;
        }
        B = ms.find((m) => rel(m).a > dui && rel(m).b <= i && i - rel(m).b <= MAX_GAP);
        const before = ms.filter((m) => rel(m).a >= ca && rel(m).b <= dui && dui - rel(m).b <= MAX_GAP);
        A = before[before.length - 1];
      } else {
        const before = ms.filter((m) => rel(m).a >= ca && rel(m).b <= i && i - rel(m).b <= MAX_GAP);
        A = before[before.length - 1];
        B = ms.find((m) => rel(m).a >= end && rel(m).b <= cb && rel(m).a - end <= MAX_GAP);
        if (B && cue.type === 'HINDERS' && cue.word.startsWith('影响')) {
          if (!/发展|升级|提升|进程|增长/.test(text.slice(rel(B).b, cb))) B = undefined;
        }
      }
      if (A && B) push(cue.type, A, B, s);
      i = end - 1;
    }
  }
  return out;
}
