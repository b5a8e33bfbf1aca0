import type { EntityType, Mention, Relation, RelationType, SegmentedDoc, Sentence } from '../types.js';
import { actionVerbAt, verbAt } from './measures.js';
import { COUNTRY_NAME } from './gazetteer.js';
import { bySentence, CLAUSE_PUNCT, clauseBounds } from './match.js';

/**
 * DRIVES / SUPPORTS / HINDERS between two mentions of one sentence, from cue verbs:
 *   <A>(带动|推动|驱动|引领|拉动)<B>                 A DRIVES B
 *   <A>(促进|有利于|提升|支持|支撑|助力|服务于)<B>   A SUPPORTS B (guidelines: 促进 is SUPPORTS)
 *   <A>(制约|阻碍|限制|抑制)<B>, <A>影响(了|到)<B>…发展   A HINDERS B
 *   <A>对<B>(具有|有|起到|发挥|产生)…(带动|推动|促进|制约…)作用/效应, 加强A对B1、B2…的辐射带动   A → each B
 *   以A带B / 以A推B (DRIVES), 以A促B (SUPPORTS); A带B发展 (带 glued to both mentions)
 *   A和B相得益彰、互为支撑 / 相互促进                      SUPPORTS both ways
 *   发展A，…，有利于(促进|推动|推进…)B                    A SUPPORTS B (the benefit of developing A)
 *   X(是)以A(与B)为支撑                                    A SUPPORTS X
 *   A…，成为…B的(重要)?支撑                               A SUPPORTS B
 *   推动A发展，对(于)(加快)促进B、推进C…具有…意义 / 深入实施A，是促进B的…任务   A SUPPORTS B (per cue)
 *   X作为…，是推动B发展的重要引擎                         X DRIVES B
 * A is the nearest mention before the cue in its clause, with the mentions listed with it (乡镇企业、民营企业
 * 的发展带动了…). When the cue opens its clause, A is carried over from an earlier clause: the subject that
 * opens it (德国鲁尔区是…，有“…”之称，在一定程度上带动了…; 郑州为…，围绕…，…，辐射带动…), X of 以X为核心，
 * or the object of an imperative verb right before (要突出中心城市服务枢纽功能，带动…). B is the nearest
 * mention after the cue in its clause, with the mentions listed with it; both within MAX_GAP of the cue.
 * Nothing comes from a negated cue (不/未/没有/难以…), a cue inside a title (《促进…的若干政策措施》) or an
 * event name (推动…发展大会), a cue used as a noun outside the nominal frame (核心城市的引领, 产业提升、…);
 * no A when a list comma, a preposition, a reporting/issuing verb or another action verb stands between it
 * and the cue (深化A合作、促进B; A围绕促进B…; A印发《…》; 从A方面推动B; A在促进B进程中; 政府需要突破阻碍B…)
 * or when A only modifies the subject of a nominal cue (A的研究成果对B起到了引领作用); no B when it is a
 * partner or a modifier (引领与东盟合作, 促进以喀什为中心的…, 拉动中国经济增长).
 */

const CUES: { re: RegExp; type: RelationType }[] = [
  { re: /辐射带动|带动|推动|驱动|引领|拉动/y, type: 'DRIVES' },
  { re: /促进|有利于|提升|服务于|支撑|支持|助力/y, type: 'SUPPORTS' },
  { re: /制约|阻碍|限制|抑制|影响(?:了|到)?/y, type: 'HINDERS' },
];
const ELIGIBLE: ReadonlySet<EntityType> = new Set(['INDUSTRY', 'CONCEPT', 'THEORY', 'POLICY', 'PLACE', 'ORGANIZATION']);
const MAX_GAP = 12;
const NEGATION = /(?:不|未|没有|没|缺乏|难以|无法|不能|未能|不会|尚未|不足以)$/;

/** what may stand between a clause-opening comma and the cue when A is in an earlier clause */
const CLAUSE_LEAD = /^(?:可以|能够|在一定程度上|从而|进而|由此|并|也|还|同时)?(?:较好地?|更好地?|有效地?|有力地?|直接|进一步)?$/;
/** the cue coordinated with an implementing verb (推动和实施区域协调发展战略) */
const IMPLEMENTING_AFTER = /^(?:和|与|及|并)(?:实施|落实|贯彻|执行)/;
/** 是/成为 opening a clause whose predicate names a driving role (…，是推动B发展的重要引擎; …的重要支撑 is
 * the SUPPORTS frame below) */
const ROLE_LEAD = /^\s*(?:已经|也|正|将|更)?(?:是|成为)$/;
const ROLE_END = /的(?:重要|主要|核心|关键|强大|强劲)?(?:引擎|动力源?|力量|增长极|龙头|主力军)\s*$/;
/** connectives and enumerators that open a clause before its subject (一是, 首先, 因此) */
const CLAUSE_OPENER = /^\s*(?:[一二三四五六七八九十]是|首先|其次|再次|最后|因此|所以|同时|此外|另外|而且)?\s*/;
/** a clause without a subject of its own, so the topic of the clause before carries on (有“…”之称) */
const TOPIC_CONTINUES = /^\s*(?:有|是|为|具有|拥有|作为|也|还|并|又|更|既|已)/;
/** a clause without mentions that the topic carries over: it opens with a verb, a preposition or a modal
 * (围绕着建设…, 培育大产业, 在世界范围内…, 可使…); one with a subject of its own (经济总量占…, 这样的体制会…) stops it */
const TOPIC_PASSES = /^\s*(?:有|是|为|具有|拥有|作为|也|还|并|又|更|既|已|在|围绕|通过|以|对|从|与|向|按照|依托|借助|可|能|将|会|进一步)/;
/** an earlier clause that reports or issues (中央提出…，推动…; 发改委印发《…》，支持…): what follows is its content */
const REPORTED = /提出|强调|指出|认为|表示|印发|出台|发布|要求/;
/** the subject recommends rather than acts (X应以…为契机，推动Y): Y is its task, not its effect */
const MODAL_AFTER_SUBJECT = /^[^，,；;。]*?(?:应当|应该|(?<![适相对反响效供])应(?![用对急])|(?<![重主纲摘必简概需只首])要(?![求素点是件闻])|需要|必须)/;
/** a clause that is only a listed noun phrase (统筹城乡、区域发展，促进…): no subject-predicate clause */
const BARE_NP_REST = /^\s*(?:[、和与及][^，,；;。]{0,6})?(?:发展|建设)?\s*$/;
/** cues whose A may be the object of the imperative right before (要突出中心城市…功能，带动…) */
const CONSEQUENCE_CUE = /^(?:辐射带动|带动|引领|拉动)$/;
/** between A and the cue: A is not the cue's subject (see above) */
const NOT_SUBJECT_GAP = /[、“"和与及]|围绕|关于|针对|对于|提出|强调|指出|表示|印发|出台|召开|发布|方面|角度|层面|在\s*$/;
/** before A in its clause: A sits inside a prepositional phrase (围绕新时期中国推动…的要求, 就推动…提出) */
const PP_BEFORE = /围绕|关于|按照|根据|针对|对于|基于|就/;
/** right before B: a partner (与东盟合作) or the centre of a 以B为中心的 modifier */
const NOT_OBJECT_BEFORE = /(?:与|和|同|跟|以)\s*$/;
/** the country's entity key (中国/我国; gazetteer root): as B before more text it is a scope word */
const COUNTRY = `place:${COUNTRY_NAME}`;
/** a place B that only modifies the object (拉动中国经济快速增长) */
const MODIFIER_PLACE_AFTER = /^\s*(?:经济|社会)/;
/** the cue names an event (推动皖北地区高质量发展大会) */
const EVENT_AFTER = /^[^，,。；;]{0,12}(?:大会|会议|座谈会|论坛|峰会|博览会)/;
/** between A and 对 in the nominal frame: A is the subject itself (A对B具有…, 发挥A对B的…), not A的X对B */
const NOMINAL_SUBJECT_GAP = /^\s*(?:也|还|更|都|将|会|则|能|可以|能够)?\s*$/;
const LIST_JOIN = /^\s*(?:、|和|与|及|以及|及其(?:相关的?)?)\s*$/;
/** mutual support between two listed mentions before it */
const MUTUAL = /互为支撑|相互支撑|相互促进|互相促进|互促共进|相辅相成/g;
/** 发展A，…，有利于…: the development of A is the subject of every 有利于 of the sentence */
const DEV_OPEN = /^\s*(?:培育发展|大力发展|加快发展|积极发展|发展|建设|培育|打造|推进|实施|加快)\s*$/;
/** the same opener in significance statements (推动A发展，对于…; 深入实施A，是…) */
const SIGNIFICANCE_OPEN = /^\s*(?:深入|大力|积极|加快|全面|着力|持续)?(?:培育发展|实施|推进|推动|发展|建设|培育|打造|加快)\s*$/;
/** …，对(于)X、Y具有重要(战略)意义 / 作用: the list X、Y of what A's development is for */
const FOR_SIGNIFICANCE = /对(?:于)?([^。；;]*?)具有[^，,。；;]{0,10}(?:意义|作用)/g;
/** …，是促进B的重要战略任务 / 重要抓手 */
const IS_MEANS = /是((?:加快|进一步|有效)?(?:促进|推动|带动|引领|支撑|助力)[^，,。；;]{1,30}?)的[^，,。；;]{0,12}(?:任务|抓手|途径|举措|引擎|动力|支撑|保障|平台|载体|路径)/g;
/** a list item of a significance statement opening with a cue (加快促进中部地区崛起): its type */
const ITEM_CUE = /^\s*(?:加快|进一步|有效|更好地?|大力)?(促进|推动|带动|引领|支撑|助力|提升)/;
const BENEFIT_CUE = /促进|推动|推进|带动|提升|支撑|助力/g;
/** X(是)以A(与B)为支撑/动力 */
const YI_ZHICHENG = /以([^，,。；;]{1,24}?)为(?:重要|主要)?(支撑|动力|引擎)/g;
/** X的形成需要A(水平)作为动力，…，B作为带动: A drives X */
const ZUOWEI = /作为(?:重要|主要)?(动力|带动|引擎|驱动力|支撑)$/;
const ROLE_TYPE: Record<string, RelationType> = { 支撑: 'SUPPORTS', 动力: 'DRIVES', 引擎: 'DRIVES', 带动: 'DRIVES', 驱动力: 'DRIVES' };
/** …，成为…B的(重要)?支撑 */
const CHENGWEI_ZHICHENG = /^成为[^，,。；;]*?的(?:重要|有力|坚实|强大|主要)?支撑$/;

const YI_RE = /以([\u4e00-\u9fff]{1,8}?)([带推促])([\u4e00-\u9fff]{1,8}?)(?=[、，,。；;]|$)/g;

type Rel = (m: Mention) => { a: number; b: number };

/** inside 《…》: a title, not the text's own statement */
function inTitle(text: string, i: number): boolean {
  const open = text.lastIndexOf('《', i);
  return open >= 0 && text.lastIndexOf('》', i) < open;
}

/** an imperative action verb ends right at `at` (实施A, 要突出A) */
function actionBefore(text: string, at: number, floor: number): boolean {
  for (let k = 1; k <= 4 && at - k >= floor; k++) if (actionVerbAt(text, at - k)?.length === k) return true;
  return false;
}

/** XY / place的Y glued mentions: the last one of the chain starting at `m` (郑州市服务业 → 服务业) */
function headOf(ms: Mention[], rel: Rel, text: string, m: Mention, limit: number): Mention {
  let cur = m;
  for (;;) {
    const nb = ms.find((x) => rel(x).a >= rel(cur).b && rel(x).b <= limit);
    // through 的 only after a place (拉动新疆的城镇化), not 带动了城市群的工业发展
    if (!nb) return cur;
    const gap = text.slice(rel(cur).b, rel(nb).a);
    if (!(gap === '' || (gap === '的' && cur.type === 'PLACE'))) return cur;
    cur = nb;
  }
}

/** `m` and the mentions listed with it (A、B和C) inside [lo, hi) */
function conjuncts(ms: Mention[], rel: Rel, text: string, m: Mention, lo: number, hi: number): Mention[] {
  const out = [m];
  let i = ms.indexOf(m);
  for (let j = i - 1; j >= 0 && rel(ms[j]!).a >= lo && LIST_JOIN.test(text.slice(rel(ms[j]!).b, rel(ms[j + 1]!).a)); j--) out.unshift(ms[j]!);
  for (let j = i + 1; j < ms.length && rel(ms[j]!).b <= hi && LIST_JOIN.test(text.slice(rel(ms[j - 1]!).b, rel(ms[j]!).a)); j++) out.push(ms[j]!);
  return out;
}

/** the subject (or imperative object) of the earlier clauses when the cue opens clause [ca, …) */
function earlierSubject(ms: Mention[], rel: Rel, text: string, ca: number, cue: string, linked: boolean): Mention | undefined {
  // `linked`: the cue's clause opens with a linking word (可以, 从而, 在一定程度上) or is itself a predicate
  // (成为…的支撑, 对B起着…作用); then any clause without mentions passes (规模居全国前列), while a bare cue
  // only passes clauses that open with a verb, preposition or modal
  let b = ca - 1;
  for (let hop = 0; hop < 6 && b > 0; hop++) {
    const [a] = clauseBounds(text, b - 1);
    const clause = text.slice(a, b);
    if (REPORTED.test(clause)) return undefined;
    const inClause = ms.filter((m) => rel(m).a >= a && rel(m).b <= b);
    const open = a + (CLAUSE_OPENER.exec(clause)?.[0].length ?? 0);
    if (inClause.length) {
      // the subject opens the clause (its head when glued: 德国鲁尔区 → 鲁尔区) and has a predicate
      if (rel(inClause[0]!).a === open) {
        const subj = headOf(ms, rel, text, inClause[0]!, b);
        const list = conjuncts(ms, rel, text, subj, a, b);
        const rest = text.slice(rel(list[list.length - 1]!).b, b);
        if (BARE_NP_REST.test(rest) || MODAL_AFTER_SUBJECT.test(rest)) return undefined;
        // 试点镇的技术服务平台数量总体偏少: the mention only modifies the subject
        if (/^的(?!发展|建设)/.test(rest) && !ms.some((m) => rel(m).a === rel(subj).b + 1)) return undefined;
        return subj;
      }
      // 以A为核心，辐射带动B
      const yi = inClause.find((m) => text[rel(m).a - 1] === '以' && /^为(?:核心|中心|龙头|主中心|引领)/.test(text.slice(rel(m).b)));
      if (yi) return yi;
      // 要突出A的…，带动B / 率先实施A建设，带动了B: the object of the imperative right before
      if (hop === 0 && CONSEQUENCE_CUE.test(cue)) {
        const obj = inClause.find((m) => actionBefore(text, rel(m).a, a));
        if (obj) return obj;
      }
      if (!TOPIC_CONTINUES.test(text.slice(open, b))) return undefined;
    } else if (!linked && !TOPIC_PASSES.test(clause) && !verbAt(clause.replace(/^\s+/, ''), 0)) return undefined;
    if (!/[，,]/.test(text[a - 1] ?? '')) return undefined;
    b = a - 1;
  }
  return undefined;
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

  const grouped = bySentence(mentions.filter((m) => ELIGIBLE.has(m.type)));

  for (const s of doc.sentences) {
    const text = s.text;
    // a mention inside a non-policy title (《工程控制论》) is no end of a relation
    const ms = (grouped.get(s.ordinal) ?? [])
      .filter((m) => m.start >= s.start && m.end <= s.end)
      .filter((m) => m.type === 'POLICY' || !inTitle(text, m.start - s.start))
      .sort((x, y) => x.start - y.start);
    if (ms.length < 2) continue;
    const rel: Rel = (m: Mention) => ({ a: m.start - s.start, b: m.end - s.start });
    // 以A带B / 以A推B (DRIVES), 以A促B (SUPPORTS): single-character cues only in this frame
    for (const m of text.matchAll(YI_RE)) {
      const a0 = m.index! + 1;
      const A = ms.find((x) => rel(x).a === a0 && rel(x).b === a0 + m[1]!.length);
      const b0 = a0 + m[1]!.length + 1;
      const B = ms.find((x) => rel(x).a === b0 && rel(x).b === b0 + m[3]!.length);
      if (A && B) push(m[2] === '促' ? 'SUPPORTS' : 'DRIVES', A, B, s);
    }
    // A带B发展: 带 glued to both mentions
    for (let k = 0; k + 1 < ms.length; k++) {
      const [A, B] = [ms[k]!, ms[k + 1]!];
      if (rel(B).a - rel(A).b === 1 && text[rel(A).b] === '带' && /^(?:发展|建设|升级|[，,。；;]|$)/.test(text.slice(rel(B).b))) push('DRIVES', A, B, s);
    }
    // A和B相得益彰、互为支撑
    for (const m of text.matchAll(MUTUAL)) {
      const [ca] = clauseBounds(text, m.index!);
      const before = ms.filter((x) => rel(x).a >= ca && rel(x).b <= m.index!);
      const [A, B] = before.slice(-2);
      if (A && B && LIST_JOIN.test(text.slice(rel(A).b, rel(B).a))) {
        push('SUPPORTS', A, B, s);
        push('SUPPORTS', B, A, s);
      }
    }
    // 培育发展A，…，有利于促进B…
    const first = ms[0]!;
    if (DEV_OPEN.test(text.slice((/^[^\u4e00-\u9fff]*(?:[一二三四五六七八九十]+、)?/.exec(text)?.[0].length ?? 0), rel(first).a))) {
      let at = text.indexOf('有利于');
      while (at >= 0) {
        const next = text.indexOf('有利于', at + 3);
        const end = next < 0 ? text.length : next;
        const direct = ms.find((m) => rel(m).a === at + 3);
        if (direct) for (const B of conjuncts(ms, rel, text, direct, at, end)) push('SUPPORTS', first, B, s);
        for (const c of text.slice(at + 3, end).matchAll(BENEFIT_CUE)) {
          const ci = at + 3 + c.index!;
          const [, cb] = clauseBounds(text, ci);
          const B0 = ms.find((m) => rel(m).a >= ci + c[0].length && rel(m).b <= cb && rel(m).a - ci - c[0].length <= MAX_GAP);
          if (B0) for (const B of conjuncts(ms, rel, text, headOf(ms, rel, text, B0, cb), ci, cb)) push('SUPPORTS', first, B, s);
        }
        at = next;
      }
    }
    // 推动A发展，对于加快促进B、推进C…具有重要战略意义; 深入实施A，是促进B的重要战略任务: the
    // development of A serves each listed B that a cue opens (推进/构建 are no cues)
    if (SIGNIFICANCE_OPEN.test(text.slice((/^[^\u4e00-\u9fff]*(?:[一二三四五六七八九十]+、)?/.exec(text)?.[0].length ?? 0), rel(first).a)) &&
      /^(?:发展|建设)?\s*[，,]/.test(text.slice(rel(first).b))) {
      const items: [number, number][] = [];
      for (const m of text.matchAll(FOR_SIGNIFICANCE)) {
        const from = m.index! + m[0].indexOf(m[1]!);
        let a = from;
        for (let i = from; i <= from + m[1]!.length; i++) {
          if (i === from + m[1]!.length || /[、，,]/.test(text[i]!)) {
            items.push([a, i]);
            a = i + 1;
          }
        }
      }
      for (const m of text.matchAll(IS_MEANS)) {
        const from = m.index! + 1;
        items.push([from, from + m[1]!.length]);
      }
      for (const [a, b] of items) {
        const cue = ITEM_CUE.exec(text.slice(a, b));
        if (!cue) continue;
        const after = a + cue[0].length;
        const B0 = ms.find((m) => rel(m).a >= after && rel(m).a - after <= 2 && rel(m).b <= b);
        const type: RelationType = /促进|支撑|助力|提升/.test(cue[1]!) ? 'SUPPORTS' : 'DRIVES';
        if (B0) for (const B of conjuncts(ms, rel, text, headOf(ms, rel, text, B0, b), a, b)) push(type, first, B, s);
      }
    }
    // X(是)以A(与B)为支撑: X opens the clause
    for (const m of text.matchAll(YI_ZHICHENG)) {
      const [ca] = clauseBounds(text, m.index!);
      const X = ms.find((x) => rel(x).a === ca + (CLAUSE_OPENER.exec(text.slice(ca))?.[0].length ?? 0) && rel(x).b <= m.index!);
      const As = ms.filter((x) => rel(x).a > m.index! && rel(x).b <= m.index! + m[0].length);
      if (X) for (const A of As) push(ROLE_TYPE[m[2]!]!, A, X, s);
    }
    // X…需要A作为动力，…，B作为带动: X opens the sentence, each A ends its clause with 作为<role>
    const opener = ms.find((x) => rel(x).a === (CLAUSE_OPENER.exec(text)?.[0].length ?? 0));
    if (opener) {
      for (let ca = 0; ca < text.length; ) {
        const [, cb] = clauseBounds(text, ca);
        const role = ZUOWEI.exec(text.slice(ca, cb).trim());
        if (role) {
          const zw = text.lastIndexOf('作为', cb);
          const A = ms.filter((m) => rel(m).a >= ca && rel(m).b <= zw && zw - rel(m).b <= 4 && m !== opener).pop();
          if (A) push(ROLE_TYPE[role[1]!]!, A, opener, s);
        }
        ca = cb + 1;
      }
    }
    // …，成为…B的重要支撑: A is the subject carried over
    for (let ca = 0; ca < text.length; ) {
      const [, cb] = clauseBounds(text, ca);
      if (ca > 0 && CHENGWEI_ZHICHENG.test(text.slice(ca, cb).trim())) {
        const de = text.lastIndexOf('的', cb);
        const Bs = ms.filter((m) => rel(m).a >= ca && rel(m).b <= de);
        const B = Bs[Bs.length - 1];
        const A = earlierSubject(ms, rel, text, ca, '支撑', true);
        if (A && B && rel(B).b === de) for (const a of conjuncts(ms, rel, text, A, 0, ca)) push('SUPPORTS', a, B, s);
      }
      ca = cb + 1;
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
      // 推动和实施…战略: implementing a policy, not driving a thing
      if (NEGATION.test(text.slice(Math.max(ca, i - 4), i)) || inTitle(text, i) || EVENT_AFTER.test(text.slice(end, cb + 1)) || IMPLEMENTING_AFTER.test(text.slice(end))) {
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
      // …对B的辐射带动作用 / …对B…发展的辐射带动。
      const nominal = /^(?:作用|效应)/.test(text.slice(end).replace(/^[的了]/, '')) || (text[i - 1] === '的' && end === cb);
      // 核心城市的引领, 产业提升、…: a noun outside the nominal frame (在A的推动下 is handled below)
      if (!nominal && ((text[i - 1] === '的' && text[end] !== '下') || /^[、，,。；;]/.test(text[end] ?? ''))) {
        i = end - 1;
        continue;
      }
      let As: Mention[] = [];
      let Bs: Mention[] = [];
      if (nominal) {
        // A 对 B (具有|有|起到|发挥)…(带动)作用 — also 发挥A对B的带动作用, 加强A对B1、B2…的辐射带动
        const dui = text.lastIndexOf('对', i);
        if (dui < ca) {
          i = end - 1;
          continue;
        }
        const after = ms.filter((m) => rel(m).a > dui && rel(m).b <= i);
        if (after.length && rel(after[0]!).a - dui <= 4 && i - rel(after[after.length - 1]!).b <= MAX_GAP) Bs = after;
        const before = ms.filter((m) => rel(m).a >= ca && rel(m).b <= dui && dui - rel(m).b <= MAX_GAP);
        const A = before[before.length - 1];
        if (A && NOMINAL_SUBJECT_GAP.test(text.slice(rel(A).b, dui))) As = [A];
        // X作为…，对B起着…带动作用: the subject of the clause before
        else if (!before.length && ca > 0 && NOMINAL_SUBJECT_GAP.test(text.slice(ca, dui)) && /[，,]/.test(text[ca - 1]!)) {
          const X = earlierSubject(ms, rel, text, ca, cue.word, true);
          if (X) As = [X];
        }
      } else {
        const before = ms.filter((m) => rel(m).a >= ca && rel(m).b <= i && i - rel(m).b <= MAX_GAP);
        let A: Mention | undefined = before[before.length - 1];
        if (A) {
          const gap = text.slice(rel(A).b, i);
          let verb = false;
          for (let k = 0; k < gap.length && !verb; k++) verb = (actionVerbAt(gap, k)?.length ?? 0) > 1;
          if (NOT_SUBJECT_GAP.test(gap) || verb || PP_BEFORE.test(text.slice(ca, rel(A).a))) A = undefined;
        }
        // A…，(可以|在一定程度上|进一步…)带动B: the cue opens its clause, A comes from an earlier clause
        if (!A && !before.length && ca > 0 && CLAUSE_LEAD.test(text.slice(ca, i)) && /[，,]/.test(text[ca - 1]!)) A = earlierSubject(ms, rel, text, ca, cue.word, text.slice(ca, i).trim() !== '');
        // X作为…，是推动B建设发展的重要引擎: the subject of the clause before, in the role the clause names
        if (!A && !before.length && ca > 0 && ROLE_LEAD.test(text.slice(ca, i)) && ROLE_END.test(text.slice(end, cb)) && /[，,]/.test(text[ca - 1]!)) A = earlierSubject(ms, rel, text, ca, cue.word, true);
        if (A) As = conjuncts(ms, rel, text, A, A === before[before.length - 1] ? ca : 0, A === before[before.length - 1] ? i : ca);
        let B = ms.find((m) => rel(m).a >= end && rel(m).b <= cb && rel(m).a - end <= MAX_GAP);
        if (B && (NOT_OBJECT_BEFORE.test(text.slice(end, rel(B).a)) || (B.type === 'PLACE' && MODIFIER_PLACE_AFTER.test(text.slice(rel(B).b))))) B = undefined;
        // 促进我国城镇协调发展: the country only scopes the object
        if (B && B.entity === COUNTRY && /^[\u4e00-\u9fff]/.test(text.slice(rel(B).b)) && !ms.some((m) => rel(m).a === rel(B!).b)) B = undefined;
        // 带动郑州市服务业 / 引领城市群高质量发展: a modifier mention glued to the next one is not the object
        if (B) B = headOf(ms, rel, text, B, cb);
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
        // coordinated objects share the cue: 制约了小城市、小城镇… / 带动A和B
        if (B) Bs = conjuncts(ms, rel, text, B, rel(B).a, cb);
      }
      if (Bs.length) for (const A of As) for (const B of Bs) push(cue.type, A, B, s);
      i = end - 1;
    }
  }
  return out;
}

/** MEMBER_OF / CORE_OF / PART_OF stated in the text live in membership.ts (one owner per concern). */
export { extractMembership } from './membership.js';
