import { loadLexicon } from '../lexicon.js';
import type { SegmentedDoc } from '../types.js';
import type { Candidate } from './candidate.js';
import { createMatcher, dropNested, entriesFromRows, isHan, lowerBound, PARTICLES, PRIORITY, sentenceMatches, sentenceTags } from './match.js';
import { leadingPlaceLength } from './organizations.js';

/**
 * CONCEPT recogniser.
 *
 * 1. Curated entries of schema/lexicons/concepts.tsv (城镇化/城市化 and 县域/县域地区 are kept
 *    apart, as the guidelines name them). A concept nested in a longer concept (城镇化 in 新型城镇化) is dropped;
 *    overlaps with other types are left to resolve (农业 in 农业转移人口市民化 loses there to the
 *    longer span).
 * 2. Two small productive rules for compounds the guidelines count as one mention (longest
 *    meaningful span):
 *    - <scope><process concept>: a territorial scope word (县域, 县城, 农村, 乡村) right before a
 *      lexicon concept ending in 化/化率 (县域新型城镇化, 农村工业化, 县域城市化). The scope alone
 *      (县域) is then not a mention of its own; the name is the compound as written.
 *    - named integration tasks <noun>同城化 / <noun>一体化 (通信同城化, 口岸通关一体化, 教育资源一体化):
 *      one or two noun-like jieba words (≤ 6 characters) before the head (区域 only as the first of
 *      two: 区域市场一体化). Conjuncts sharing the head (交通、金融、教育同城化; 城乡和区域一体化) are
 *      one mention each: surface = the conjunct, name = conjunct+head.
 *    - clusters of an industry <stem>产业集群 / <stem>工业集群 / <stem>制造业集群 (特色产业集群,
 *      临港型工业集群, 先进制造业集群): the noun-like words right before (≤ 6 characters), named as written.
 *    - <region>振兴 without 战略 (皖北振兴, 东北振兴, 皖北全面振兴 → 皖北振兴; 乡村振兴 is curated), and
 *      <region>崛起 likewise (中部地区崛起, 中部崛起 → 中部地区崛起).
 *    - the listed five development ideas (创新、协调、绿色、开放、共享的发展理念) → 五大发展理念.
 *    - bare 一体化 as a subject or with its degree (一体化程度) → 区域一体化; two abbreviated cities merging
 *      (深港双城融合 → 深港融合); poverty-alleviation activities (扶贫工程 → 扶贫, 生态移民 …).
 *    - shared heads of lexicon concepts (常住人口和户籍人口城镇化率 → `常住人口` = 常住人口城镇化率) when
 *      conjunct + head is itself listed; <lexicon X化>率 (人口城镇化率) and <X地区>生产总值 (→ X).
 * 3. Context filters: a concept right before a zone head is part of the zone's name (共同富裕示范区,
 *    承接产业转移集聚区); 产业园区/工业园区 glued to a name (高新技术产业园区) is that zone; size
 *    classes are not concepts (大中小城市 → no 中小城市, 中小城镇 → no 小城镇); 等城市群/等都市圈 after
 *    a list of clusters is their shared head (guidelines), not a mention of its own; X度 is an index
 *    (协调发展度), X城市 before 群 gives way to 城市群 (绿色城市群), 城市群体 is not 城市群; a concept
 *    in a meeting's name (…高质量发展大会, …一体化发展座谈会) is not a mention (guidelines: meetings),
 *    nor one negated by 非 (非农业人口), one naming a discipline (城乡规划学), one inside a guiding
 *    thought (习近平生态文明思想) or the 产业 of a sector (二、三产业集聚 has no 产业集聚); nor a manner (城市蔓延式),
 *    a kind of organisation (农村集体经济组织), a size class (Ⅰ型小城市, 副中心城市), a named new town (两江新城)
 *    or planning as an activity (城镇规划建设).
 */

let matcher: ((doc: SegmentedDoc) => Candidate[]) | null = null;

const SCOPES = ['县域', '县城', '农村', '乡村'];
const PROCESS = /化率?$/;
const TASK_HEAD = /同城化|一体化/g;
/** jieba tags of words that may name the domain of an integration task */
const TASK_WORD = /^(n|nz|ng|vn|j|s)$/;
/**
 * not the domain of a task: 城乡/区域 (lexicon compounds 城乡一体化, 区域一体化 cover them; 城市与乡村一体化
 * is 城乡一体化 split), and generic heads or degree words (建设一体化, 发展布局一体化, 5个方面同城化, 高度一体化)
 */
const NOT_TASK = new Set([
  '城乡', '区域', '城市', '乡村', '农村', '建设', '发展', '布局', '方面', '高度', '程度', '全面', '高质量', '更高质量',
  // locatives (城市群当中一体化程度 is the integration within the clusters)
  '当中', '之中', '其中', '中间', '内部', '之间', '之内',
]);
/** scope words that may open a two-word task (区域市场一体化) or be a conjunct of one (城乡和区域一体化) */
const TASK_SCOPE = new Set(['城乡', '区域']);
/** separators between conjuncts sharing a task head */
const TASK_SEP = new Set(['、', '和', '与', '及']);
/** scoped heads that already carry their own scope (农村人口城镇化 is 人口城镇化 of rural people) */
const SCOPED_HEAD = /^(人口|土地|户籍|常住|就地|就近)/;

const byStart = (a: Candidate, b: Candidate) => a.start - b.start;

function withScope(doc: SegmentedDoc, cs: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const drop = new Set<Candidate>();
  /** the candidates by start, for the "inside the scope word" lookup */
  let sorted: Candidate[] | null = null;
  for (const c of cs) {
    if ((!PROCESS.test(c.name) && !PROCESS.test(c.surface)) || SCOPED_HEAD.test(c.surface)) continue;
    const s = doc.sentences[c.sentence]!;
    const before = doc.text.slice(s.start, c.start);
    const scope = SCOPES.find((w) => before.endsWith(w));
    if (!scope) continue;
    const start = c.start - scope.length;
    sorted ??= [...cs].sort(byStart);
    for (let k = lowerBound(sorted, start, (x) => x.start); k < sorted.length && sorted[k]!.start <= c.start; k++) {
      const o = sorted[k]!;
      if (o !== c && o.end <= c.start) drop.add(o);
    }
    const surface = doc.text.slice(start, c.end);
    out.push({ type: 'CONCEPT', surface, start, end: c.end, sentence: c.sentence, name: surface.replace(/\s+/g, ''), priority: PRIORITY.rule });
  }
  return [...cs.filter((c) => !drop.has(c)), ...out];
}

function integrationTasks(doc: SegmentedDoc): Candidate[] {
  const out: Candidate[] = [];
  for (const s of doc.sentences) {
    const t = s.text;
    TASK_HEAD.lastIndex = 0;
    if (!TASK_HEAD.test(t)) continue;
    TASK_HEAD.lastIndex = 0;
    const tagged = sentenceTags(s);
    // (an unknown two-character word, x, is a pair of abbreviations: 西咸, 郑汴; a longer x word is one
    // the segment stage taught jieba, 北部湾经济区, a place before the task)
    const ok = (w: { word: string; tag: string } | undefined) =>
      !!w && (TASK_WORD.test(w.tag) || (w.tag === 'x' && w.word.length === 2 && !leadingPlaceLength(w.word))) &&
      [...w.word].every(isHan) && !NOT_TASK.has(w.word) && !/^[一二三四五六七八九十两几多数]/.test(w.word);
    let m: RegExpExecArray | null;
    while ((m = TASK_HEAD.exec(t))) {
      const head = m[0];
      const at = m.index;
      // a word the segment stage taught jieba may hold the head (区域一体化): split it before the head
      const words = tagged.flatMap((w) => (w.start < at && w.end > at
        ? [{ ...w, word: t.slice(w.start, at), end: at, tag: 'n' }, { ...w, word: t.slice(at, w.end), start: at }]
        : [w]));
      const k = words.findIndex((w) => w.end === at);
      if (k < 0) continue;
      // 区域一体化/城乡一体化 themselves are curated; only their conjuncts are looked for below
      const scoped = TASK_SCOPE.has(words[k]!.word);
      if (!ok(words[k]) && !scoped) continue;
      let first = k;
      const prev = words[k - 1];
      if (!scoped) {
        if ((ok(prev) || (prev && TASK_SCOPE.has(prev.word))) && prev!.end === words[k]!.start && at - prev!.start <= 6) first = k - 1;
        const start = words[first]!.start;
        const surface = t.slice(start, at + head.length);
        out.push({
          type: 'CONCEPT', surface, start: s.start + start, end: s.start + at + head.length, sentence: s.ordinal,
          name: surface, priority: PRIORITY.rule,
        });
      }
      // 交通、金融、教育同城化: one mention per conjunct
      let j = first - 1;
      // (the conjunct is a whole word group: 城镇群规划、旅游同城化 has no 规划同城化)
      // (nor is a process word: 城市现代化和城乡一体化 has no 现代化一体化)
      const conjunct = (w: { word: string; tag: string } | undefined) =>
        (ok(w) || (!!w && TASK_SCOPE.has(w.word))) && !w!.word.endsWith('化');
      while (j >= 1 && TASK_SEP.has(words[j]!.word) && conjunct(words[j - 1]) && words[j - 1]!.word.length <= 4 && !ok(words[j - 2])) {
        const w = words[j - 1]!;
        out.push({
          type: 'CONCEPT', surface: w.word, start: s.start + w.start, end: s.start + w.end, sentence: s.ordinal,
          name: w.word + head, priority: PRIORITY.rule,
        });
        j -= 2;
      }
    }
  }
  return out;
}

/**
 * Bare 试点镇/试点乡镇 (pilot towns): an anaphor of the document's named pilot-town programme —
 * the lexicon concept ending in 试点镇 it mentions (小城市培育试点镇 …) — else a concept of its own.
 */
const PILOT = /试点(?:乡)?镇/g;
function pilotTowns(doc: SegmentedDoc, cs: Candidate[]): Candidate[] {
  const named = cs.find((c) => /试点镇$/.test(c.name) && c.name.length > 3)?.name ?? '试点镇';
  const out: Candidate[] = [];
  // overlap test `cs.some((c) => c.start < end && c.end > start)` by binary search: the candidates
  // sorted by start, with the running maximum of their ends
  let sorted: Candidate[] | null = null;
  let maxEnd: number[] = [];
  const overlaps = (start: number, end: number): boolean => {
    if (!sorted) {
      sorted = [...cs].sort(byStart);
      maxEnd = [];
      let m = -Infinity;
      for (const c of sorted) maxEnd.push((m = Math.max(m, c.end)));
    }
    const k = lowerBound(sorted, end, (x) => x.start); // sorted[0..k) start before `end`
    return k > 0 && maxEnd[k - 1]! > start;
  };
  for (const [s, m] of sentenceMatches(doc, PILOT)) {
    const start = s.start + m.index;
    const end = start + m[0].length;
    if (overlaps(start, end)) continue;
    out.push({ type: 'CONCEPT', surface: m[0], start, end, sentence: s.ordinal, name: named, priority: PRIORITY.rule });
  }
  return out;
}

/**
 * <stem>产业集群 / <stem>工业集群 / <stem>制造业集群: a cluster of one industry (特色产业集群, 临港型工业集群,
 * 白酒产业集群, 先进制造业集群).
 */
const CLUSTER = /(产业|工业|制造业)集群/g;
const CLUSTER_STEM = /^(n|nz|ng|vn|j|b|a|x|l|ns|k)$/;
function industryClusters(doc: SegmentedDoc): Candidate[] {
  const out: Candidate[] = [];
  for (const s of doc.sentences) {
    CLUSTER.lastIndex = 0;
    if (!CLUSTER.test(s.text)) continue;
    CLUSTER.lastIndex = 0;
    const words = sentenceTags(s);
    let m: RegExpExecArray | null;
    while ((m = CLUSTER.exec(s.text))) {
      const at = m.index;
      let start = at;
      // words ending at the head, or one running into it (特色产业 | 集群 → 特色)
      for (let k = words.findIndex((w) => w.end >= at && w.start < at) ; k >= 0; k--) {
        const w = words[k]!;
        const part = s.text.slice(w.start, Math.min(w.end, at));
        if (!CLUSTER_STEM.test(w.tag) || ![...part].every(isHan) || at - w.start > 8 || STEM_STOP.test(part) || /.化$/.test(part)) break;
        start = w.start;
      }
      // a place is not the kind of cluster (浙江产业集群 is 产业集群 in Zhejiang)
      start += leadingPlaceLength(s.text.slice(start, at));
      // 产业集群 alone is the curated concept; 制造业集群 needs its kind
      if (start >= at) continue;
      const surface = s.text.slice(start, at + m[0].length);
      out.push({ type: 'CONCEPT', surface, start: s.start + start, end: s.start + at + m[0].length, sentence: s.ordinal, name: surface, priority: PRIORITY.rule });
    }
  }
  return out;
}
/**
 * words that end a cluster stem: verbs of building and driving, generic quantity words (形成一批产业集群,
 * 改革驱动县域特色产业集群) and 国家 of a designation (国家先进制造业集群); a process word ending in
 * 化 ends it too (一体化新能源产业集群 is 新能源产业集群)
 */
const STEM_STOP = /^(形成|培育|打造|建设|发展|壮大|驱动|推动|带动|引领|促进|支撑|提升|一批|若干|多个|各类|相关|完整|链条|国家)$/;

/** <region>振兴 without 战略: the revitalisation of a named region (皖北振兴, 东北振兴), 全面 dropped from the name. */
const REVIVAL = /(东北|[皖苏浙鲁豫粤桂川陕晋冀赣湘鄂闽黔滇甘蒙辽吉黑宁青新藏琼渝][北南中东西])(?:地区)?(全面)?振兴(?!战略|计划|规划)/g;
function regionRevivals(doc: SegmentedDoc): Candidate[] {
  return regionTerms(doc, REVIVAL, (m) => `${m[1]}振兴`);
}

/** A CONCEPT for every match of a region pattern (振兴, 崛起), named by `nameOf`. */
function regionTerms(doc: SegmentedDoc, re: RegExp, nameOf: (m: RegExpExecArray) => string): Candidate[] {
  const out: Candidate[] = [];
  for (const [s, m] of sentenceMatches(doc, re)) {
    const start = s.start + m.index;
    out.push({ type: 'CONCEPT', surface: m[0], start, end: start + m[0].length, sentence: s.ordinal, name: nameOf(m), priority: PRIORITY.rule });
  }
  return out;
}

/** 创新、协调、绿色、开放、共享(的)(新)发展理念, the five in any order → 五大发展理念. */
const FIVE_IDEAS = /(?:(?:创新|协调|绿色|开放|共享)(?:、|和|与)?){5}(?:的)?(?:新)?发展理念/g;
function fiveIdeas(doc: SegmentedDoc): Candidate[] {
  const out: Candidate[] = [];
  for (const [s, m] of sentenceMatches(doc, FIVE_IDEAS)) {
    if (new Set(m[0].match(/创新|协调|绿色|开放|共享/g)).size < 5) continue;
    const start = s.start + m.index;
    out.push({ type: 'CONCEPT', surface: m[0], start, end: start + m[0].length, sentence: s.ordinal, name: '五大发展理念', priority: PRIORITY.rule });
  }
  return out;
}

/**
 * Rate and GDP readings of a lexicon concept: <X化>率 is the rate of that process, named as written
 * (人口城镇化率, 土地城镇化率; 城镇化率 itself is curated); <X地区>生产总值 is the GDP of X
 * (县域地区生产总值 → 县域), so the 地区 belongs to 地区生产总值.
 */
function rateAndGdp(doc: SegmentedDoc, cs: Candidate[]): Candidate[] {
  return cs.map((c) => {
    const next = doc.text.slice(c.end, c.end + 4);
    if (c.surface.endsWith('化') && c.name.endsWith('化') && next[0] === '率') {
      return { ...c, surface: c.surface + '率', end: c.end + 1, name: c.name + '率', priority: PRIORITY.rule };
    }
    if (c.surface.endsWith('地区') && c.surface.length > 2 && next === '生产总值') {
      const surface = c.surface.slice(0, -2);
      return { ...c, surface, end: c.end - 2, name: surface };
    }
    return c;
  });
}

let lexNames: Map<string, string> | null = null;

/**
 * Coordination with a shared head (guidelines): in 常住人口和户籍人口城镇化率 / 土地和人口城镇化 /
 * 区域和城乡协调发展 the conjunct before 和/与/及/、 takes the head of the lexicon concept after it
 * when conjunct + head is itself a lexicon concept: surface = the conjunct, name = that concept.
 * The concept after must have a modifier of its own (人口和城镇化 is population and urbanization) and
 * the head at least 3 characters (高校与产业园区 are a university and an industrial park).
 */
function sharedHeads(doc: SegmentedDoc, cs: Candidate[]): Candidate[] {
  lexNames ??= new Map(loadLexicon('concepts').flatMap((r) => [r.name, ...r.aliases].map((a) => [a, r.name] as [string, string])));
  const out: Candidate[] = [];
  for (const c of cs) {
    if (c.priority !== PRIORITY.lexicon) continue;
    const sep = doc.text[c.start - 1] ?? '';
    if (!sep || !'和与及、'.includes(sep)) continue;
    const before = doc.text.slice(Math.max(0, c.start - 7), c.start - 1);
    let best: Candidate | null = null;
    // the head: a proper suffix of the concept, at least 3 characters (高校与产业园区 shares no 园区)
    for (let h = c.surface.length - 1; h >= 3 && !best; h--) {
      const head = c.surface.slice(-h);
      for (let x = Math.min(6, before.length); x >= 2; x--) {
        const conj = before.slice(-x);
        if (![...conj].every(isHan)) continue;
        const name = lexNames.get(conj + head);
        if (!name) continue;
        const start = c.start - 1 - x;
        best = { type: 'CONCEPT', surface: conj, start, end: start + x, sentence: c.sentence, name, priority: PRIORITY.rule };
        break;
      }
    }
    if (best) out.push(best);
  }
  return out;
}

/**
 * <region>崛起 without 战略, like <region>振兴 (促进中部地区崛起 → 中部地区崛起; 中部崛起 takes the same
 * name); 中部崛起战略/规划 is a policy.
 */
const RISE = /(东部|中部|西部|东北)(地区)?崛起(?!战略|计划|规划)/g;
function regionRises(doc: SegmentedDoc): Candidate[] {
  return regionTerms(doc, RISE, (m) => `${m[1]}地区崛起`);
}

/**
 * Bare 一体化 as the integration of the region under discussion → 区域一体化 (guidelines): as a clause's
 * subject (…强调：一体化的…目的) or with its degree (一体化程度/水平). Not after a modifier (高度一体化,
 * 网络化、开放式、一体化的…); a named task (X一体化) is found by integrationTasks and wins as the longer span.
 */
const BARE_INTEGRATION = /(^|[，。；：、！？,;:])?一体化(程度|水平)?/g;
function bareIntegration(doc: SegmentedDoc): Candidate[] {
  const out: Candidate[] = [];
  for (const [s, m] of sentenceMatches(doc, BARE_INTEGRATION)) {
    const opens = m[1] !== undefined && m[1] !== '、';
    if (!opens && !m[2]) continue;
    const at = m.index + (m[1]?.length ?? 0);
    if (!opens && s.text[at - 1] === '度') continue; // 高度一体化程度
    const start = s.start + at;
    out.push({ type: 'CONCEPT', surface: '一体化', start, end: start + 3, sentence: s.ordinal, name: '区域一体化', priority: PRIORITY.rule });
  }
  return out;
}

/**
 * The merging of two cities named by a pair of one-character abbreviations (深港融合发展, 深港双城融合,
 * 深港的融合 → 深港融合), a named task like X同城化/X一体化; 发展 is left out. The pair is one word jieba tags
 * as a place or leaves unknown, no gazetteer place itself (深港 is two cities), made of abbreviations.
 */
const PAIR_MERGE = /(?:双城)?(?:的)?融合/g;
/** one-character abbreviations: the provincial-level units and the big cities usually paired (深港, 广佛, 沪苏) */
const ABBREVIATIONS = new Set([...'京津沪渝冀豫云滇辽黑湘皖鲁新苏浙赣鄂桂甘陇晋蒙陕秦吉闽贵黔粤青藏川蜀宁琼港澳台', ...'深广佛莞珠杭甬锡厦漳泉榕汴郑']);
function pairMergers(doc: SegmentedDoc): Candidate[] {
  const out: Candidate[] = [];
  for (const s of doc.sentences) {
    if (!s.text.includes('融合')) continue;
    const words = sentenceTags(s);
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      if (w.word.length !== 2 || !/^(ns|j|x)$/.test(w.tag) || ![...w.word].every((ch) => ABBREVIATIONS.has(ch)) || leadingPlaceLength(w.word) > 0) continue;
      PAIR_MERGE.lastIndex = w.end;
      const m = PAIR_MERGE.exec(s.text);
      if (!m || m.index !== w.end) continue;
      const end = w.end + m[0].length;
      out.push({
        type: 'CONCEPT', surface: s.text.slice(w.start, end), start: s.start + w.start, end: s.start + end, sentence: s.ordinal,
        name: `${w.word}融合`, priority: PRIORITY.rule,
      });
    }
  }
  return out;
}

/**
 * Poverty alleviation and resettlement activities (guidelines: 扶贫工程 → 扶贫, 生态移民(扶贫)工程 → 生态移民;
 * 工程 is a generic head like 发展). Kept out of concepts.tsv because policies.ts reads that lexicon for
 * named programmes <concept>工程 (中心镇培育工程), which these are not.
 */
const ACTIVITIES = ['易地扶贫搬迁', '扶贫搬迁', '扶贫移民', '扶贫', '生态移民', '吊庄移民'];
const ACTIVITY_RE = new RegExp(ACTIVITIES.join('|'), 'g');
function activities(doc: SegmentedDoc): Candidate[] {
  const out: Candidate[] = [];
  for (const [s, m] of sentenceMatches(doc, ACTIVITY_RE)) {
    const start = s.start + m.index;
    const name = m[0] === '扶贫搬迁' ? '易地扶贫搬迁' : m[0];
    out.push({ type: 'CONCEPT', surface: m[0], start, end: start + m[0].length, sentence: s.ordinal, name, priority: PRIORITY.lexicon });
  }
  return out;
}

/** zone heads: a concept right before one is part of the zone's name (共同富裕示范区) */
const ZONE_AFTER = /^(?:示范区|集聚区|试验区|实验区|先行区|先行示范区|先导区|开发区)/;
/** size classes written with a size character before (大中小城市, 中小城镇) */
const SIZE_CLASS: Record<string, string> = { 中小城市: '大', 小城镇: '中' };
/** parks glued to a name are that zone (高新技术产业园区, 九大产业园区) */
const PARKS = new Set(['产业园区', '工业园区']);

/** meetings: a concept inside a meeting's name is not a mention (扎实推进长三角一体化发展座谈会) */
const MEETING = /(?:座谈会|推进会|推进大会|大会|论坛|峰会|研讨会|工作会议|联席会议)$/;
const NAME_END = /[，。；：、！？“”‘’（）()《》\s,;:]/;

/** A proper name glued before the candidate (两江新城, 郑东新城: a named new town is a PLACE, not the concept). */
function properBefore(doc: SegmentedDoc, c: Candidate): boolean {
  const s = doc.sentences[c.sentence];
  if (!s) return false;
  const at = c.start - s.start;
  return sentenceTags(s).some((w) => (w.start < at && w.end > at) || (w.end === at && /^(ns|nr|nz|j|x)$/.test(w.tag) && [...w.word].every(isHan)));
}

/** False when the candidate is part of a longer non-concept name or a shared head in its context. */
function inContext(doc: SegmentedDoc, c: Candidate): boolean {
  const prev = doc.text[c.start - 1] ?? '';
  let e = c.end;
  while (e < doc.text.length && e - c.end < 40 && !NAME_END.test(doc.text[e]!)) e++;
  const rest = doc.text.slice(c.end, e);
  for (let i = 2; i <= rest.length; i++) if (MEETING.test(rest.slice(0, i))) return false;
  // 习近平生态文明思想, 习近平经济思想: a guiding thought has no inner mentions (guidelines)
  if (/^[^，。；、]{0,4}思想/.test(rest) && /习近平[^，。；、]{0,6}$/.test(doc.text.slice(Math.max(0, c.start - 10), c.start))) return false;
  if (ZONE_AFTER.test(doc.text.slice(c.end, c.end + 5))) return false;
  // 第二、三产业集聚: 产业 belongs to the sector 三产业 (an INDUSTRY), not to 产业集聚/产业转移
  if (c.surface.startsWith('产业') && /[一二三]/.test(prev)) return false;
  if (SIZE_CLASS[c.surface] === prev) return false;
  if (PARKS.has(c.surface) && isHan(prev) && !PARTICLES.includes(prev)) return false;
  if ((c.name === '城市群' || c.name === '都市圈') && prev === '等') return false;
  // 非农业人口, 非城镇化地区: the negation of the concept (并非城市群 is not)
  if (prev === '非' && !/[并而绝是莫无除]/.test(doc.text[c.start - 2] ?? '')) return false;
  const next = doc.text[c.end] ?? '';
  // 协调发展度, 城镇化度: an index of the concept, not the concept; 城乡规划学: a discipline; 城市蔓延式扩展:
  // a manner (X式); 农村集体经济组织: a kind of organisation
  if (next === '度' || next === '学' || next === '式' || doc.text.startsWith('组织', c.end)) return false;
  // 新城镇, 新城市: 新 modifies 城镇/城市 (not 新城); a named task before 区域 is a zone's name (…经济一体化区域)
  if (c.name === '新城' && (/[镇市乡]/.test(next) || properBefore(doc, c))) return false;
  // 城镇规划建设管理, 城市规划建设: the activities of planning and building, not a kind of plan
  if (c.name.endsWith('规划') && doc.text.startsWith('建设', c.end)) return false;
  // Ⅰ型小城市, II型小城市: a size class of the 2014 standard (guidelines), not the 小城市 concept
  if (prev === '型' && /^[ⅠⅡⅰⅱIi]/.test(doc.text.slice(Math.max(0, c.start - 3), c.start - 1).replace(/^[^ⅠⅡⅰⅱIi]*/, ''))) return false;
  // 副中心城市 is a class label (guidelines), not the 中心城市 concept
  if (c.name === '中心城市' && prev === '副') return false;
  if (/(?:一体化|同城化)$/.test(c.name) && doc.text.startsWith('区域', c.end)) return false;
  // 绿色城市群 is a 城市群; 城市群体 is a group of cities
  if ((c.surface.endsWith('城市') && next === '群') || (c.surface.endsWith('城市群') && next === '体')) return false;
  return true;
}

/** All concept candidates of a document. Pure; the lexicon is loaded once. */
export function extractConcepts(doc: SegmentedDoc): Candidate[] {
  matcher ??= createMatcher(entriesFromRows(loadLexicon('concepts'), 'CONCEPT', PRIORITY.lexicon));
  const lexical = rateAndGdp(doc, withScope(doc, matcher(doc)));
  const all = [
    ...lexical, ...pilotTowns(doc, lexical), ...sharedHeads(doc, lexical), ...integrationTasks(doc), ...industryClusters(doc),
    ...regionRevivals(doc), ...regionRises(doc), ...fiveIdeas(doc), ...bareIntegration(doc), ...pairMergers(doc), ...activities(doc),
  ];
  // one reading per span: the earlier rule wins (a conjunct found both as a shared head and as a task)
  const seen = new Set<string>();
  const once = all.filter((c) => !seen.has(`${c.start}|${c.end}`) && !!seen.add(`${c.start}|${c.end}`));
  const kept = dropNested(once.filter((c) => inContext(doc, c)));
  // 生态移民扶贫工程: a programme qualified by the concept before it is that concept's (one mention)
  const ends = new Set(kept.map((c) => c.end));
  return kept.filter((c) => !(c.name === '扶贫' && c.surface === '扶贫' && ends.has(c.start)))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}
