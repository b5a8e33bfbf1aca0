import type { EntityType, Mention, Relation, RelationType, SegmentedDoc, Sentence } from '../types.js';

/** Mentions grouped by sentence ordinal, once per document (not a filter per sentence). */
function groupBySentence(mentions: Mention[], keep: (m: Mention) => boolean = () => true): Map<number, Mention[]> {
  const by = new Map<number, Mention[]>();
  for (const m of mentions) {
    if (!keep(m)) continue;
    const list = by.get(m.sentence);
    if (list) list.push(m);
    else by.set(m.sentence, [m]);
  }
  return by;
}

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

/** what may stand between a clause-opening comma and the cue when A is in an earlier clause */
const CLAUSE_LEAD = /^(?:可以|能够|在一定程度上|从而|进而|由此)(?:较好地?|更好地?|有效地?|有力地?|直接|进一步)?$/;

/** the subject of the nearest earlier clause that has mentions: its first mention, or the head of X的Y / XY */
function earlierSubject(ms: Mention[], rel: (m: Mention) => { a: number; b: number }, text: string, ca: number): Mention | undefined {
  let b = ca - 1;
  // the clause right before, or the one before it when that has no mention (A较为发达，排名较前，可以带动B)
  for (let hop = 0; hop < 2 && b > 0; hop++) {
    const [a] = clauseBounds(text, b - 1);
    const inClause = ms.filter((m) => rel(m).a >= a && rel(m).b <= b);
    if (inClause.length) {
      // the subject opens the clause
      if (rel(inClause[0]!).a !== a) return undefined;
      let k = 0;
      while (k + 1 < inClause.length && /^的?$/.test(text.slice(rel(inClause[k]!).b, rel(inClause[k + 1]!).a))) k++;
      return inClause[k];
    }
    if (!/[，,]/.test(text[a - 1] ?? '')) return undefined;
    b = a - 1;
  }
  return undefined;
}

const YI_RE = /以([\u4e00-\u9fff]{1,8}?)([带推促])([\u4e00-\u9fff]{1,8}?)(?=[、，,。；;]|$)/g;

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

  const bySentence = groupBySentence(mentions, (m) => ELIGIBLE.has(m.type));

  for (const s of doc.sentences) {
    const ms = (bySentence.get(s.ordinal) ?? [])
      .filter((m) => m.start >= s.start && m.end <= s.end)
      .sort((x, y) => x.start - y.start);
    if (ms.length < 2) continue;
    const text = s.text;
    const rel = (m: Mention) => ({ a: m.start - s.start, b: m.end - s.start });
    // 以A带B / 以A推B (DRIVES), 以A促B (SUPPORTS): single-character cues only in this frame
    for (const m of text.matchAll(YI_RE)) {
      const a0 = m.index! + 1;
      const A = ms.find((x) => rel(x).a === a0 && rel(x).b === a0 + m[1]!.length);
      const b0 = a0 + m[1]!.length + 1;
      const B = ms.find((x) => rel(x).a === b0 && rel(x).b === b0 + m[3]!.length);
      if (A && B) push(m[2] === '促' ? 'SUPPORTS' : 'DRIVES', A, B, s);
    }
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
        // A…，(可以|在一定程度上|进一步…)带动B: the cue opens its clause, A is the subject of an earlier clause
        if (!A && ca > 0 && CLAUSE_LEAD.test(text.slice(ca, i)) && /[，,]/.test(text[ca - 1]!)) A = earlierSubject(ms, rel, text, ca);
        B = ms.find((m) => rel(m).a >= end && rel(m).b <= cb && rel(m).a - end <= MAX_GAP);
        // 带动郑州市服务业 / 引领城市群高质量发展: a modifier mention glued to the next one is not the object
        while (B) {
          const nb: Mention | undefined = ms.find((m) => rel(m).a >= rel(B!).b && rel(m).b <= cb);
          if (!nb || !/^的?$/.test(text.slice(rel(B).b, rel(nb).a))) break;
          B = nb;
        }
        // 在A(和B)的推动下，C…: the drivers are before 的, the driven is the subject after the comma
        if (cue.type !== 'HINDERS' && text[i - 1] === '的' && text[end] === '下' && /[，,]/.test(text[cb] ?? '')) {
          const zai = text.lastIndexOf('在', i);
          if (zai >= ca) {
            const [, nb] = clauseBounds(text, cb + 1);
            const subj = ms.find((m) => rel(m).a > cb && rel(m).b <= nb);
            const drivers = ms.filter((m) => rel(m).a > zai && rel(m).b < i);
            if (subj && drivers.length && rel(subj).a - cb <= 3) for (const d of drivers) push(cue.type, d, subj, s);
          }
          i = end - 1;
          continue;
        }
        if (B && cue.type === 'HINDERS' && cue.word.startsWith('影响')) {
          if (!/发展|升级|提升|进程|增长/.test(text.slice(rel(B).b, cb))) B = undefined;
        }
      }
      if (A && B) {
        push(cue.type, A, B, s);
        // coordinated objects share the cue: 制约了小城市、小城镇… / 带动A和B
        if (!nominal) {
          let last = B;
          for (const m of ms) {
            if (rel(m).a < rel(last).b || rel(m).b > cb) continue;
            if (!/^(?:、|和|与|及|以及)$/.test(text.slice(rel(last).b, rel(m).a))) break;
            push(cue.type, A, m, s);
            last = m;
          }
        }
      }
      i = end - 1;
    }
  }
  return out;
}

/**
 * MEMBER_OF / CORE_OF from the text (guidelines: only when the sentence says the place is in the
 * cluster), between PLACE mentions and a named city cluster / metropolitan area of the sentence:
 *   <C>(包括|包含|涵盖|覆盖|由)<P1>、<P2>…(等…)            each Pi MEMBER_OF C
 *   <P1>、<P2>…(等…城市)(均|都|也)?(被)?(列入|纳入|划入)…  each Pi MEMBER_OF C (C anywhere in the sentence)
 *   以<P>为(核心|中心|龙头) / <P>作为<C>的“核心” / <P>是<C>的核心   P CORE_OF C and P MEMBER_OF C
 * A list is PLACE mentions separated only by 、，和及与以及 (and spaces).
 */
const CLUSTER_NAME = /(?:城市群|都市圈|城镇群|都市区|经济圈)$/;
const INCLUDE_AFTER = /^\s*(?:范围)?(?:主要)?(?:包括|包含|涵盖|覆盖|由)\s*/;
const LISTED_BEFORE = /^\s*(?:等(?:[\d一二三四五六七八九十“”"+\s]*(?:个)?(?:地级)?(?:城市|市|地市|个市))?)?\s*(?:[均都也已])?\s*(?:被|已被)?(?:列入|纳入|划入|列为|归入)/;
const LIST_SEP = /^\s*(?:[（(][^（）()]{0,10}[）)])?\s*(?:、|，|,|和|及|与|以及|及其)\s*$/;
/** <list>等N个城市(共同)?(组成|构成)<C> */
const COMPOSE_AFTER = /^\s*(?:[（(][^（）()]{0,10}[）)])?\s*(?:等)?\s*(?:[\d一二三四五六七八九十两]+\s*个\s*(?:地级)?(?:城市|市|地市|县市|区县|都市区))?\s*(?:共同)?(?:组成|构成)(?:了)?\s*$/;
/** ，(范围)?包括<list> in a sentence whose subject is the cluster (…以X为中心，包括A、B…) */
const CLAUSE_INCLUDE = /[，,]\s*(?:其)?(?:范围)?(?:主要)?(?:包括|包含|涵盖)\s*/g;

export function extractMembership(
  doc: SegmentedDoc, mentions: Mention[], entities: Map<string, { name: string; type: EntityType; level?: string }>,
): Relation[] {
  const out: Relation[] = [];
  const seen = new Set<string>();
  const push = (type: RelationType, from: string, to: string, s: Sentence) => {
    const k = `${type}|${from}|${to}|${s.ordinal}`;
    if (from === to || seen.has(k)) return;
    seen.add(k);
    out.push({ type, from, to, sentence: s.ordinal });
  };
  const isCluster = (m: Mention) => {
    if (m.type !== 'PLACE') return false;
    const e = entities.get(m.entity);
    return e?.level === 'cluster' || CLUSTER_NAME.test(e?.name ?? m.surface);
  };
  const bySentence = groupBySentence(mentions);
  for (const s of doc.sentences) {
    const ms = (bySentence.get(s.ordinal) ?? [])
      .filter((m) => m.start >= s.start && m.end <= s.end)
      .sort((x, y) => x.start - y.start);
    const clusters = ms.filter(isCluster);
    if (!clusters.length) continue;
    // members of a city cluster / metropolitan area are cities and counties, not provinces (八桂大地，南宁…)
    const places = ms.filter((m) => m.type === 'PLACE' && !isCluster(m) && entities.get(m.entity)?.level !== 'province');
    if (!places.length) continue;
    const text = s.text;
    const rel = (m: Mention) => [m.start - s.start, m.end - s.start] as const;
    const nearest = (at: number) => clusters.reduce((b, c) => (Math.abs(rel(c)[0] - at) < Math.abs(rel(b)[0] - at) ? c : b));
    /** the run of list-joined places starting at index i (forwards) */
    const runFrom = (i: number): Mention[] => {
      const run = [places[i]];
      for (let j = i + 1; j < places.length; j++) {
        const gap = text.slice(rel(run[run.length - 1])[1], rel(places[j])[0]);
        // 北九州的长崎: the member is the place inside the other
        if (/^\s*的\s*$/.test(gap)) { run[run.length - 1] = places[j]; continue; }
        if (!LIST_SEP.test(gap)) break;
        run.push(places[j]);
      }
      return run;
    };
    const runTo = (i: number): Mention[] => {
      const run = [places[i]];
      for (let j = i - 1; j >= 0; j--) {
        if (!LIST_SEP.test(text.slice(rel(places[j])[1], rel(run[0])[0]))) break;
        run.unshift(places[j]);
      }
      return run;
    };
    // <C> 包括 <list>
    for (const c of clusters) {
      const inc = INCLUDE_AFTER.exec(text.slice(rel(c)[1]).replace(/^(?:[”"》]|的)?/, ''));
      if (!inc) continue;
      const from = rel(c)[1];
      const i = places.findIndex((p) => rel(p)[0] >= from && rel(p)[0] - from <= inc[0].length + 3);
      if (i >= 0) for (const p of runFrom(i)) push('MEMBER_OF', p.entity, c.entity, s);
    }
    // <C>（<list>） and <C>（包括<list>）
    for (const c of clusters) {
      const m = /^\s*[（(]\s*(?:范围)?(?:包括|包含|含)?\s*/.exec(text.slice(rel(c)[1]));
      if (!m) continue;
      const from = rel(c)[1] + m[0].length;
      const i = places.findIndex((p) => rel(p)[0] === from);
      if (i < 0) continue;
      const run = runFrom(i);
      // the whole bracket is the list: it closes right after the last member (等 / 等N市 allowed)
      if (!/^\s*(?:等[^（）()]{0,8})?[）)]/.test(text.slice(rel(run[run.length - 1]!)[1]))) continue;
      for (const p of run) push('MEMBER_OF', p.entity, c.entity, s);
    }
    // <C>以X为中心，…，包括<list>: the cluster is the sentence's first mention
    if (ms[0] && isCluster(ms[0])) {
      const c = ms[0];
      CLAUSE_INCLUDE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = CLAUSE_INCLUDE.exec(text))) {
        const from = m.index + m[0].length;
        if (clusters.some((x) => x !== c && rel(x)[0] < from)) break;
        const i = places.findIndex((p) => rel(p)[0] === from);
        if (i >= 0) for (const p of runFrom(i)) push('MEMBER_OF', p.entity, c.entity, s);
      }
    }
    // <list>等N个城市(组成|构成)<C>
    for (const c of clusters) {
      const a = rel(c)[0];
      const prior = places.filter((p) => rel(p)[1] <= a);
      const last = prior[prior.length - 1];
      if (!last || !COMPOSE_AFTER.test(text.slice(rel(last)[1], a))) continue;
      for (const p of runTo(places.indexOf(last))) push('MEMBER_OF', p.entity, c.entity, s);
    }
    // <list> 等…城市 (均)被列入 …
    for (let i = 0; i < places.length; i++) {
      if (i + 1 < places.length && LIST_SEP.test(text.slice(rel(places[i])[1], rel(places[i + 1])[0]))) continue;
      if (!LISTED_BEFORE.test(text.slice(rel(places[i])[1]))) continue;
      const run = runTo(i);
      const c = nearest(rel(run[0])[0]);
      for (const p of run) push('MEMBER_OF', p.entity, c.entity, s);
    }
    // cores
    for (const p of places) {
      const [a, b] = rel(p);
      const before = text.slice(Math.max(0, a - 1), a);
      const after = text.slice(b);
      let c: Mention | undefined;
      if (before === '以' && /^为(?:核心|中心|龙头|主中心)/.test(after)) c = nearest(a);
      else {
        const m = /^\s*(?:作为|是|为)\s*/.exec(after);
        if (m) {
          const cl = clusters.find((x) => rel(x)[0] === b + m[0].length);
          if (cl && /^\s*的\s*[“"]?(?:核心|中心城市|核心城市|龙头)/.test(text.slice(rel(cl)[1]))) c = cl;
        }
      }
      if (c) {
        push('MEMBER_OF', p.entity, c.entity, s);
        push('CORE_OF', p.entity, c.entity, s);
      }
    }
  }
  return out;
}
