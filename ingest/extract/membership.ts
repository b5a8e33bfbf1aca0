import type { EntityType, Mention, Relation, RelationType, SegmentedDoc, Sentence } from '../types.js';
import { bySentence } from './match.js';
import { clusterMembers, placeContains } from './places.js';

let membersOf: Map<string, Set<string>> | null = null;
/** Lexicon members (and cores) of a cluster, as place keys. */
function memberKeys(cluster: string): Set<string> {
  if (!membersOf) {
    membersOf = new Map();
    for (const m of clusterMembers()) {
      const set = membersOf.get(m.cluster) ?? new Set<string>();
      set.add(m.member);
      membersOf.set(m.cluster, set);
    }
  }
  return membersOf.get(cluster) ?? new Set();
}

/**
 * MEMBER_OF / CORE_OF / PART_OF stated in the text (guidelines: only when the sentence says the
 * place is in the cluster or region), between PLACE mentions of one sentence.
 *
 * Clusters (city clusters, metropolitan areas) — MEMBER_OF, and CORE_OF where the place is called
 * the core:
 *   <C>(规划范围|成员)?(包括|包含|涵盖|覆盖|由|为|是指)<list>, <C>核心区由<list>组成 (core),
 *   辐射区包括<list> (after ；)
 *   <C>（<list>）, <C>N市（<list>）
 *   <C>以X为中心，…，包括<list>               (the cluster is the sentence's first mention)
 *   <list>等N个城市(组成|构成)<C>, <list>等…城市(均)被列入…, <list>(两市)?(正式)?加入<C>
 *   <C>…(由|与|是指)<list>(所|共同)?组成      成都都市圈以成都市为中心，与德阳市…共同组成
 *   <list>等N个<C>成员城市, <P>(明确)?属于<C>
 *   以<P>为(核心|中心), 以A、B为核心 (for the subject cluster before 以; not 以P为中心的“米”字形高铁),
 *   <P>(和Q)?作为/是<C>的(核心城市|重要节点城市…), <C>(内)?中心<P>, 作为<C>副中心的<P>,
 *   作为<C>的核心，<P>, <P>建设<C>南部区域中心城市
 *   <C>(之中)?，<list>…是…两大(超级)?核心     a cluster as the sentence's topic: the listed places the
 *                                               lexicon puts in it, CORE_OF for those called its core
 *   <X>是<C>的(重要)?组成部分                 (also for a clause with the subject elided)
 *   <places>…，培养形成<C>的…增长主体          not the places named for adjacency (邻近兰州的…)
 *   membership lists name the units, not a city written only as their prefix (镇江市京口区、润州区)
 * Regions, zones and provinces — PART_OF:
 *   <R>N市（<list>）/ <R>N个（<list>）           皖北6市（阜阳、蚌埠…）
 *   <list>等<R>城市                            芜湖、马鞍山等皖南城市
 *   作为<R>重镇的<P>                           作为皖北重镇的蚌埠
 *   <R>(的)?<list>                             江苏的昆山市、江阴市…; 浙江义乌市和玉环市;
 *                                               北部湾经济区的南宁、北海…四个城市
 *   <R>…分别是：<list>                          浙江入围的5个城市分别是：义乌市、…
 *   <P>建设<R>(区域)?(重点|中心)城市            阜阳建设长三角区域重点城市, 阿克苏南疆…中心城市
 *   <P>(位于|地处|属于)<R>                     喀什城市圈位于西北干旱区 (not …的结合部, not 不属于)
 *   <P>作为<R>的中心城市, 作为<R>科教重镇，<P>  郑州作为河南的中心城市
 *   X(也)?是<R>…的(区域|板块|组成部分)         黔中城市群是贵州经济实力最强的区域 (not a share: 占…比重)
 *   <P>是<R>下辖的…                            马鞍山是安徽省下辖的地级市
 *   <R>(按行政区划)?包括<list>                   西北地区按行政区划包括陕西省、甘肃省… (provinces too)
 *   <X>(也)?是我国…的(跨省)?都市圈              PART_OF X→中国
 *   <X>是…在<Y>上建设的…, <P>出生在…的<R>        where X was built / is
 *   a province opening a list of city groups: PART_OF for its cities, not their units
 * A place chain before a postcode (甘肃兰州 730070) is an address and states nothing.
 *   <city>(的|（)?<list>                       镇江市京口区、润州区和句容市; 肇庆的四会市; 乐山市（市中区…）
 *                                              (only where the gazetteer puts the place inside the city)
 * For a province (and a region or zone with a known province) the members must lie inside it by
 * the gazetteer; `R的list` without such a check needs a count after the list (…四个城市).
 * A list is PLACE mentions separated by 、，和及与以及 (a count such as 四市 may close a run, a
 * bracketed name joins it: 疏勒县草湖镇（三师41团）); a province written as the prefix of an item
 * (…荆门市，湖南省长沙市 / …等13个城市，湖南省的长沙市) is read through, and members are cities,
 * counties and smaller places plus the municipalities and SARs (上海, 香港), never other provinces.
 */

interface EntityInfo { name: string; type: EntityType; level?: string }

const CLUSTER_NAME = /(?:城市群|都市圈|城市圈|城镇群|都市区|经济圈)$/;
const INCLUDE_AFTER = /^\s*(?:(?:(?:[^，,。；;的]{0,6}的)?(?:规划|空间)?范围|成员(?:城市)?|辐射区|外围区|拓展区|紧密区|协作区|辐射圈|外围圈)\s*(?:主要)?(?:包括|包含|涵盖|覆盖|为|是|有)|(?:范围)?(?:主要)?(?:包括|包含|涵盖|覆盖|由|指的是|是指))(?:了)?\s*/;
/** <C>核心区由 / <C>核心区包括: every member is a core */
const CORE_INCLUDE_AFTER = /^\s*(?:的)?核心区(?:主要)?(?:包括|包含|涵盖|由)\s*/;
/** a sentence opening with the outer ring of the cluster named in the sentence before (…组成；辐射区主要包括…) */
const RING_OPEN = /^\s*(?:辐射区|外围区|拓展区|紧密区|协作区|辐射圈|外围圈)(?:主要)?(?:包括|包含|涵盖|由)\s*/;
/** after the last place of a list: it joins the cluster written right after (两市正式加入…) */
const JOIN_AFTER = /^\s*(?:等)?\s*(?:[\d一二三四五六七八九十两]+\s*(?:个|座)?\s*(?:地级市|城市|市|县市|县))?\s*(?:也|均|都|已|已经|将|正式|先后|相继)*\s*(?:加入|加入到|并入|划入)\s*/;
const LISTED_BEFORE = /^\s*(?:等(?:[\d一二三四五六七八九十“”"+\s]*(?:个)?(?:地级)?(?:城市|市|地市|个市))?)?\s*(?:[均都也已])?\s*(?:被|已被)?(?:列入|纳入|划入|列为|归入)/;
const COUNT = '(?:[\\d一二三四五六七八九十两]+\\s*(?:个|座)?\\s*(?:地级市|城市|地市|县市|县|市|区))';
const LIST_SEP = new RegExp(`^\\s*(?:[（(][^（）()]{0,10}[）)])?\\s*${COUNT}?\\s*(?:全境|全域)?\\s*(?:、|，|,|和|及|与|以及|及其)\\s*$`);
/** the gap before a province-prefixed item (…荆门市，湖南省长沙市 / …等13个城市，湖南省的长沙市) */
const PROVINCE_SEP = new RegExp(`^\\s*(?:[（(][^（）()]{0,10}[）)])?\\s*(?:等\\s*${COUNT})?\\s*(?:[（(][^（）()]{0,10}[）)])?\\s*(?:[，,；;]\\s*)?(?:、|，|,|和|及|与|以及|及其)?\\s*$`);
/** <list>等N个城市(共同)?(组成|构成)<C> */
const COMPOSE_AFTER = /^\s*(?:[（(][^（）()]{0,10}[）)])?\s*(?:等)?\s*(?:[\d一二三四五六七八九十两]+\s*个\s*(?:地级)?(?:城市|市|地市|县市|区县|都市区))?\s*(?:共同)?(?:组成|构成)(?:了)?\s*$/;
/** after the last item of a list the cluster is composed of: (等N个城市)?(所|共同)?(组成|构成), no cluster name after */
const COMPOSED_TAIL = /^\s*(?:[（(][^（）()]{0,10}[）)])?\s*(?:等)?\s*(?:[\d一二三四五六七八九十两]+\s*(?:个|座)\s*(?:地级)?(?:城市|市|地市|县市|区县))?\s*(?:所|共同|一起|一同)?\s*(?:组成|构成|组合而成)(?:了)?(?:的)?\s*(?:[，,。；;]|$|[^\u4e00-\u9fff]|城市群|都市圈|特大型|大型|城市|区域|经济)/;
/** ，(范围)?包括<list> in a sentence whose subject is the cluster (…以X为中心，包括A、B…) */
const CLAUSE_INCLUDE = /[，,]\s*(?:其)?(?:范围)?(?:主要)?(?:包括|包含|涵盖)\s*/g;
/** <R>(的)?(N(个|座|市))?（ — a bracketed list of the region's places */
const COUNT_BRACKET = /^\s*(?:的)?\s*(?:[\d一二三四五六七八九十两]+\s*(?:个|座)?\s*(?:地级市|城市|地市|市)?)?\s*[（(]\s*(?:包括|包含|含)?\s*/;
/** after <list>等<R>: the places are its cities */
const CITIES_AFTER = /^\s*(?:的)?\s*(?:城市|地市|县市|各市|市县|地区城市|成员城市|成员)/;
/** after 作为<R>: the title the place holds there (重镇, 副中心 …), up to the 的 before the place */
const ROLE_AFTER = /^\s*(?:的)?\s*[“"]?(?:[\u4e00-\u9fff]{0,4}?)(重镇|重要城市|中心城市|核心城市|中心|核心|龙头|副中心城市|副中心|区域中心城市|区域中心|门户城市|门户|枢纽城市|节点城市)[”"]?\s*(?:的|[，,])\s*$/;
/** after 作为<R> when the place is the subject before 作为: its role there (郑州作为河南的中心城市) */
const ROLE_BEFORE_P = /^\s*的\s*[“"]?[\u4e00-\u9fff]{0,4}?(?:中心城市|核心城市|重镇|重要城市|门户城市|枢纽城市|节点城市|副中心城市|省会城市|省会)[”"]?/;
/** <C>(的)?中心<P>: the place right after is the core (欧洲西北部城市群中心巴黎) */
const CORE_APPOSITION = /^\s*(?:内|内的|的)?\s*(中心城市|核心城市|中心|核心|副中心城市|副中心)\s*$/;
const CORE_ROLE = /^(?:中心城市|核心城市|中心|核心|龙头)$/;
/** after <P>(作为|是)<C>: the role the place has in the cluster (核心城市 → also CORE_OF) */
const CLUSTER_ROLE = /^\s*的\s*[“"]?(?:重要|主要)?(核心城市|中心城市|核心|龙头|节点城市|门户城市|枢纽城市|副中心城市|副中心|成员城市|成员)/;
/** after <R>: the city the place is to become there (长三角区域重点城市, 成渝城市群南部区域中心城市) */
const CITY_ROLE_AFTER = /^[\u4e00-\u9fff]{0,6}?(?:区域性?)?(?:重点|中心|副中心|核心|节点|门户|枢纽)城市/;
const BECOME = /建设|打造|建成|成为|定位为|培育为|发展为|发展成/;
const LOCATED = /^\s*(?:位于|地处|坐落于|处于|属于|隶属于)\s*/;
/** what may stand between a subject and its verb: nothing or an adverb (马鞍山明确属于…) */
const ADVERB_ONLY = /^\s*(?:明确|也|均|都|还|同样|则|已|已经|正式|现|目前|仍|主要|同时|就|原|原本|本身)?\s*$/;
const ENUMERATED = /分别(?:是|为)\s*[：:]?\s*/g;
/** after a list: its count (四个城市, 等5市) */
const COUNTED_TAIL = new RegExp(`^\\s*(?:等)?\\s*${COUNT}`);


export function extractMembership(doc: SegmentedDoc, mentions: Mention[], entities: Map<string, EntityInfo>): Relation[] {
  const out: Relation[] = [];
  const seen = new Set<string>();
  const push = (type: RelationType, from: string, to: string, s: Sentence) => {
    const k = `${type}|${from}|${to}|${s.ordinal}`;
    if (from === to || seen.has(k)) return;
    seen.add(k);
    out.push({ type, from, to, sentence: s.ordinal });
  };
  const level = (m: Mention) => entities.get(m.entity)?.level;
  const isCityProvince = (m: Mention) => /(?:市|特别行政区)$/.test(entities.get(m.entity)?.name ?? '');
  const isCluster = (m: Mention) => {
    if (m.type !== 'PLACE') return false;
    const e = entities.get(m.entity);
    return e?.level === 'cluster' || CLUSTER_NAME.test(e?.name ?? m.surface);
  };
  /** a place that other places can be PART_OF in the text: a province, region or zone */
  const isArea = (m: Mention) => m.type === 'PLACE' && !isCluster(m) && ['province', 'region', 'zone', 'foreign'].includes(level(m) ?? '');
  /** MEMBER_OF for a cluster, PART_OF for an area */
  const link = (p: Mention, r: Mention, s: Sentence, core = false) => {
    if (isCluster(r)) {
      push('MEMBER_OF', p.entity, r.entity, s);
      if (core) push('CORE_OF', p.entity, r.entity, s);
    } else push('PART_OF', p.entity, r.entity, s);
  };
  /** false when reference data says `p` is not inside `r` (provinces, regions with a province) */
  const mayBeIn = (p: Mention, r: Mention) => {
    if (isCluster(r)) return true;
    const inside = placeContains(r.entity, entities.get(r.entity)?.name ?? r.surface, p.entity);
    return inside !== false;
  };
  const surelyIn = (p: Mention, r: Mention) => placeContains(r.entity, entities.get(r.entity)?.name ?? r.surface, p.entity) === true;

  const grouped = bySentence(mentions);
  let prevClusters: Mention[] = [];
  let prevEndsSemicolon = false;
  for (const s of doc.sentences) {
    const ms = (grouped.get(s.ordinal) ?? [])
      .filter((m) => m.start >= s.start && m.end <= s.end)
      .sort((x, y) => x.start - y.start);
    const text = s.text;
    // a place chain before a postcode is an address (甘肃兰州 730070, in an affiliation): it states nothing
    const inAddress = new Set<Mention>();
    const placesIn = ms.filter((m) => m.type === 'PLACE');
    for (let k = placesIn.length - 1; k >= 0; k--) {
      const m = placesIn[k];
      const next = placesIn[k + 1];
      if (/^\s*\d{6}(?!\d)/.test(text.slice(m.end - s.start)) || (next && inAddress.has(next) && next.start === m.end)) inAddress.add(m);
    }
    const all = placesIn.filter((m) => !inAddress.has(m));
    const clusters = all.filter(isCluster);
    // members are cities, counties and smaller places, not provinces (八桂大地，南宁…); the
    // municipalities and special administrative regions are cities (上海, 香港)
    const places = all.filter((m) => !isCluster(m) && level(m) !== 'country' && (level(m) !== 'province' || isCityProvince(m)));
    const rel = (m: Mention) => [m.start - s.start, m.end - s.start] as const;
    // a province written as the prefix of the next list item (…，安徽省芜湖市 / 湖南省的长沙市) is
    // transparent for the list: gaps are read without it
    const prefixes = all.filter((m) => level(m) === 'province' && !places.includes(m));
    /** the text between two places without a province prefix of the second (…和四川省广安市 → 和) */
    const withoutPrefix = (from: number, to: number): string => {
      const p = prefixes.find((m) => rel(m)[0] >= from && rel(m)[1] <= to && /^\s*(?:的)?\s*$/.test(text.slice(rel(m)[1], to)));
      return p ? text.slice(from, rel(p)[0]) : text.slice(from, to);
    };
    /** whether the places ending at `from` and starting at `to` are joined as list items */
    const joins = (from: number, to: number): boolean => {
      const g = text.slice(from, to);
      if (LIST_SEP.test(g)) return true;
      const p = prefixes.find((m) => rel(m)[0] >= from && rel(m)[1] <= to && /^\s*(?:的)?\s*$/.test(text.slice(rel(m)[1], to)));
      return !!p && PROVINCE_SEP.test(text.slice(from, rel(p)[0]));
    };
    const nearest = (at: number) => clusters.reduce((b, c) => (Math.abs(rel(c)[0] - at) < Math.abs(rel(b)[0] - at) ? c : b));
    /** the run of list-joined places starting at index i of `list` (forwards) */
    const runFrom = (list: Mention[], i: number, together = false): Mention[] => {
      const run = [list[i]];
      for (let j = i + 1; j < list.length; j++) {
        const gap = text.slice(rel(run[run.length - 1])[1], rel(list[j])[0]);
        // 北九州的长崎: the member is the place inside the other (and PART_OF it)
        if (/^\s*的\s*$/.test(gap)) {
          push('PART_OF', list[j].entity, run[run.length - 1].entity, s);
          run[run.length - 1] = list[j];
          continue;
        }
        // 疏勒县草湖镇（三师41团）: in a cluster's list, places written together or bracketed are all listed
        if (together && (gap === '' || /^\s*[（(]\s*$/.test(gap))) {
          run.push(list[j]);
          continue;
        }
        // 乐山市（市中区、峨眉山市）、雅安市: the list goes on after a bracketed sub-list
        if (together && /^\s*[）)]\s*(?:、|，|,|和|及|与|以及)\s*$/.test(gap)) {
          run.push(list[j]);
          continue;
        }
        if (!joins(rel(run[run.length - 1])[1], rel(list[j])[0])) break;
        run.push(list[j]);
      }
      return run;
    };
    /** runFrom, also across unrecognised items of the list (叶城县、麦提县、巴楚县) */
    const listFrom = (list: Mention[], i: number): Mention[] => {
      const run = runFrom(list, i, true);
      for (;;) {
        const last = run[run.length - 1];
        const j = list.indexOf(last) + 1;
        if (j <= 0 || j >= list.length) break;
        // an unknown item (、麦提县、) or the unknown rest of one (重庆主城都市区21个区和四川省广安市)
        const gap = withoutPrefix(rel(last)[1], rel(list[j])[0]);
        if (!/^\s*(?:(?:、|和|及|与)\s*)?[\u4e00-\u9fff\d]{1,12}\s*(?:、|和|及|与|以及)\s*$/.test(gap) || /[等的是为在]/.test(gap)) break;
        run.push(...runFrom(list, j, true));
      }
      return run;
    };
    /** like runFrom, also across one unrecognised item (南宁、北海、防城、钦州) */
    const looseRun = (list: Mention[], i: number): Mention[] => {
      const run = [list[i]];
      for (let j = i + 1; j < list.length; j++) {
        const gap = text.slice(rel(run[run.length - 1])[1], rel(list[j])[0]);
        if (!LIST_SEP.test(gap) && !/^\s*、\s*[\u4e00-\u9fff]{1,3}\s*、\s*$/.test(gap)) break;
        run.push(list[j]);
      }
      return run;
    };
    /**
     * The listed units of a run, without the cities written only as the prefix of their own units
     * (镇江市京口区、润州区 → 京口区, 润州区: the city is only partly in the cluster).
     */
    const leaves = (run: Mention[]): Mention[] => run.filter((x, k) => {
      const y = run[k + 1];
      return !(y && /^\s*(?:的|[（(])?\s*$/.test(text.slice(rel(x)[1], rel(y)[0])) && surelyIn(y, x));
    });
    const runTo = (list: Mention[], i: number): Mention[] => {
      const run = [list[i]];
      for (let j = i - 1; j >= 0; j--) {
        if (!joins(rel(list[j])[1], rel(run[0])[0])) break;
        run.unshift(list[j]);
      }
      return run;
    };
    const firstAt = (list: Mention[], from: number, slack = 0) =>
      list.findIndex((p) => rel(p)[0] >= from && rel(p)[0] - from <= slack);
    /** the first item of `list` after `from`, past a colon, a quote and a province prefix (包括：江苏省南京市) */
    const firstAfter = (list: Mention[], from: number, slack: number) => {
      const i = list.findIndex((p) => rel(p)[0] >= from);
      if (i < 0) return -1;
      let lead = text.slice(from, rel(list[i])[0]);
      const p = prefixes.find((m) => rel(m)[0] >= from && rel(m)[1] <= rel(list[i])[0]);
      if (p) lead = text.slice(from, rel(p)[0]) + text.slice(rel(p)[1], rel(list[i])[0]).replace(/^\s*的/, '');
      return lead.length <= slack && /^[\s：:“"的]*$/.test(lead) ? i : -1;
    };

    // 辐射区主要包括<list>: the cluster of the sentence before (split at ；)
    const ring = RING_OPEN.exec(text);
    if (ring && prevEndsSemicolon && prevClusters.length === 1) {
      const i = firstAt(places, ring[0].length);
      if (i >= 0) for (const p of listFrom(places, i)) push('MEMBER_OF', p.entity, prevClusters[0].entity, s);
    }
    prevClusters = clusters;
    prevEndsSemicolon = /[；;]\s*$/.test(text);

    if (clusters.length && places.length) {
      for (const c of clusters) {
        const after = text.slice(rel(c)[1]);
        // <C>核心区由<list>组成: every member is a core
        const core = CORE_INCLUDE_AFTER.exec(after);
        if (core) {
          const i = firstAt(places, rel(c)[1] + core[0].length);
          if (i >= 0) for (const p of listFrom(places, i)) link(p, c, s, true);
          continue;
        }
        // <C> 包括 <list>
        const skip = /^(?:[”"》]|的)?/.exec(after)![0].length;
        const inc = INCLUDE_AFTER.exec(after.slice(skip));
        if (inc) {
          const i = firstAfter(places, rel(c)[1] + skip + inc[0].length, 4);
          if (i >= 0) for (const p of listFrom(places, i)) push('MEMBER_OF', p.entity, c.entity, s);
        }
      }
      // <C>以X为中心，…，包括<list>: the cluster is the sentence's first mention
      if (ms[0] && isCluster(ms[0])) {
        const c = ms[0];
        CLAUSE_INCLUDE.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = CLAUSE_INCLUDE.exec(text))) {
          const from = m.index + m[0].length;
          if (clusters.some((x) => x.entity !== c.entity && rel(x)[0] < from)) break;
          const i = firstAfter(places, from, 2);
          if (i < 0) continue;
          const run = runFrom(places, i, true);
          // 包括A、B的“3+5”城市群: the list describes another cluster named after it
          if (/^\s*(?:等[^，,。；;]{0,6})?的[^，,。；;]{0,8}?(?:城市群|都市圈|城市圈|都市区)/.test(text.slice(rel(run[run.length - 1])[1]))) continue;
          for (const p of leaves(run)) push('MEMBER_OF', p.entity, c.entity, s);
        }
      }
      // a cluster as the topic of the sentence, its cities listed after it (整个粤港澳大湾区之中，深圳和香港…
      // 是…两大超级核心; 粤港澳大湾区更加明显，深圳、香港、广州的GDP…): the listed places that are members
      // of it by the lexicon (the text names them as its cities), CORE_OF for those called its core
      const topic = ms[0] && isCluster(ms[0]) && rel(ms[0])[0] <= 3 && /^(?:整个|在|而|例如[：:]?)?\s*$/.test(text.slice(0, rel(ms[0])[0])) ? ms[0] : null;
      const topicTail = topic ? /^(?:之中|中|内|里|内部)?[^，,。；;：:]{0,6}[，,]/.exec(text.slice(rel(topic)[1])) : null;
      if (topic && topicTail && !ms.some((x) => x !== topic && rel(x)[0] < rel(topic)[1] + topicTail[0].length)) {
        const members = memberKeys(topic.entity);
        const listed = places.filter((p) => rel(p)[0] > rel(topic)[1] && members.has(p.entity));
        for (const p of listed) push('MEMBER_OF', p.entity, topic.entity, s);
        // the first run after the topic, when a later clause says it is the core (…，是…两大超级核心)
        const i = places.findIndex((p) => rel(p)[0] > rel(topic)[1]);
        if (i >= 0) {
          const run = runFrom(places, i);
          const rest = text.slice(rel(run[run.length - 1])[1]);
          const core = /^(?:\s*|[^。；;]*?[，,]\s*)(?:也|则|都|均)?是[^，,。；;]{0,12}?(?:核心|龙头)(?:城市)?\s*(?:[，,。；;]|$)/.exec(rest);
          if (core && !places.some((p) => rel(p)[0] >= rel(run[run.length - 1])[1] && rel(p)[0] < rel(run[run.length - 1])[1] + core[0].length)) {
            for (const p of run) if (members.has(p.entity)) push('CORE_OF', p.entity, topic.entity, s);
          }
        }
        // 在上海这一个超级核心之外: a place called the core in apposition
        for (const p of listed) if (/^\s*(?:这一?个|一个)?\s*(?:超级)?核心/.test(text.slice(rel(p)[1]))) push('CORE_OF', p.entity, topic.entity, s);
      }
      // <list>等N个城市(组成|构成)<C>
      for (const c of clusters) {
        const a = rel(c)[0];
        const prior = places.filter((p) => rel(p)[1] <= a);
        const last = prior[prior.length - 1];
        if (!last || !COMPOSE_AFTER.test(text.slice(rel(last)[1], a))) continue;
        for (const p of runTo(places, places.indexOf(last))) push('MEMBER_OF', p.entity, c.entity, s);
      }
      // <C>…(由|与|是指)<list>(等N个城市)?(所|共同)?(组成|构成): the cluster is the subject before the list
      // (成都都市圈以成都市为中心，与德阳市、眉山市、资阳市共同组成; X城市群是指…长沙市、株洲市和湘潭市所组成的城市群)
      for (let i = 0; i < places.length; i++) {
        if (!COMPOSED_TAIL.test(text.slice(rel(places[i])[1]))) continue;
        const run = runTo(places, i);
        const start = rel(run[0])[0];
        const c = [...clusters].reverse().find((x) => rel(x)[1] <= start);
        if (!c) continue;
        const between = text.slice(rel(c)[1], start);
        if (!/由|与|是指|指的是/.test(between) || /[。；;]/.test(between)) continue;
        for (const p of run) push('MEMBER_OF', p.entity, c.entity, s);
      }
      // <list> 等…城市 (均)被列入 …
      for (let i = 0; i < places.length; i++) {
        if (i + 1 < places.length && LIST_SEP.test(text.slice(rel(places[i])[1], rel(places[i + 1])[0]))) continue;
        if (!LISTED_BEFORE.test(text.slice(rel(places[i])[1]))) continue;
        const run = runTo(places, i);
        const c = nearest(rel(run[0])[0]);
        for (const p of run) push('MEMBER_OF', p.entity, c.entity, s);
      }
      // <list>(两市)?(正式)?加入<C>: 衢州、黄山两市正式加入杭州都市圈 (not 未加入)
      for (let i = 0; i < places.length; i++) {
        if (i + 1 < places.length && joins(rel(places[i])[1], rel(places[i + 1])[0])) continue;
        const j = JOIN_AFTER.exec(text.slice(rel(places[i])[1]));
        if (!j) continue;
        const c = clusters.find((x) => rel(x)[0] === rel(places[i])[1] + j[0].length);
        if (!c) continue;
        for (const p of runTo(places, i)) push('MEMBER_OF', p.entity, c.entity, s);
      }
      // cores: 以P为核心 / P作为C的核心 / C中心P
      for (const p of places) {
        const [a, b] = rel(p);
        const after = text.slice(b);
        let c: Mention | undefined;
        // 以P为核心 and 以A、B为核心 (every listed place is a core)
        const cores = /^为(?:核心|中心|龙头|主中心|双核心|双核|双中心)/.test(after) ? runTo(places, places.indexOf(p)) : [];
        // 以江苏省南京市为中心: a province prefix before the core is read through
        const pre0 = cores.length ? prefixes.find((x) => rel(x)[1] === rel(cores[0])[0]) : undefined;
        const lead0 = pre0 ? rel(pre0)[0] : cores.length ? rel(cores[0])[0] : 0;
        if (cores.length && /以\s*$/.test(text.slice(0, lead0))) {
          const at = lead0 - /以\s*$/.exec(text.slice(0, lead0))![0].length;
          // 以郑州为中心的9座城市 / 的城市圈, not 以郑州为中心的“米”字形高铁
          const tail = /^为(?:核心|中心|龙头|主中心|双核心|双核|双中心)(的)?([^，,。；;]*)/.exec(after)!;
          const inTail = clusters.find((x) => rel(x)[0] >= b && rel(x)[0] < b + tail[0].length);
          // the subject: the last cluster before 以 (长江中游城市群…，是一个以武汉为核心，由武汉城市圈…组成)
          const subject = [...clusters].reverse().find((x) => rel(x)[1] <= at);
          // X是以P为中心的经济区域带: the tail describes the subject itself
          const defines = !!subject && /^\s*(?:是|为|就是)\s*(?:一个|一座)?\s*$/.test(text.slice(rel(subject)[1], at));
          const cityTail = /^.{0,8}?(?:城市|都市|城镇|城市群|都市圈|城市圈|都市区)/.test(tail[2]);
          if (tail[1] && inTail) c = inTail;
          else if (!tail[1] || cityTail || defines) c = subject ?? nearest(a);
          if (c) for (const q of cores.slice(0, -1)) link(q, c, s, true);
        }
        if (c) link(p, c, s, true);
      }
      // <P>(作为|是)<C>的核心城市 / 重要节点城市(之一): P right before the verb (a list: A和B是C的核心城市), or
      // the sentence's subject when the clause opens with (也)?是 (哈尔滨市作为…省会城市，是C的重要节点城市)
      for (const cl of clusters) {
        const [ca, cb] = rel(cl);
        const role = CLUSTER_ROLE.exec(text.slice(cb));
        const verb = /(?:作为|是|为)\s*$/.exec(text.slice(0, ca));
        if (!role || !verb) continue;
        const at = verb.index;
        let subj: Mention[] = [];
        const before = places.filter((x) => rel(x)[1] <= at).pop();
        if (before && ADVERB_ONLY.test(text.slice(rel(before)[1], at)) && !/[，,。；;：:]/.test(text.slice(rel(before)[1], at))) subj = runTo(places, places.indexOf(before));
        else if (/(?:^|[，,])\s*(?:也|还|同时|更)?$/.test(text.slice(0, at)) && text.slice(0, at).includes('，') && places[0] && rel(places[0])[0] <= 2 && places[0] === all[0]) {
          const head = /(?:^|[，,])\s*(?:也|还|同时|更)?$/.exec(text.slice(0, at))!;
          if (!/[。；;]/.test(text.slice(0, head.index))) subj = [places[0]];
        }
        for (const p of subj) link(p, cl, s, CORE_ROLE.test(role[1]));
      }
      // <C>中心<P> (欧洲西北部城市群中心巴黎)
      for (const c of clusters) {
        const p = places.find((x) => rel(x)[0] >= rel(c)[1] && rel(x)[0] - rel(c)[1] <= 6);
        if (!p) continue;
        const m = CORE_APPOSITION.exec(text.slice(rel(c)[1], rel(p)[0]));
        if (m) link(p, c, s, CORE_ROLE.test(m[1]));
      }
    }

    // ---- a city or county scoping the list after it (checked against the gazetteer) ----
    // 镇江市京口区、润州区和句容市; 肇庆的四会市; 乐山市（市中区、沙湾区、峨眉山市）
    const locals = all.filter((m) => ['prefecture', 'county', 'district', 'town', 'zone'].includes(level(m) ?? ''));
    for (const r of locals) {
      if (!['prefecture', 'county', 'district'].includes(level(r) ?? '')) continue;
      const rb = rel(r)[1];
      // 邻近兰州的兰州新区: adjacency, not containment
      if (/(?:邻近|靠近|毗邻|临近|紧邻|接近|环绕|围绕|距离|远离)\s*$/.test(text.slice(0, rel(r)[0]))) continue;
      const lead = /^(?:\s*的\s*|\s*[（(]\s*(?:包括|含)?\s*)?/.exec(text.slice(rb))![0];
      const i = locals.findIndex((p) => rel(p)[0] === rb + lead.length);
      if (i < 0) continue;
      for (const p of runFrom(locals, i)) if (surelyIn(p, r)) push('PART_OF', p.entity, r.entity, s);
    }

    // ---- regions, zones, provinces (and clusters written the same way) ----
    const areas = all.filter((m) => isArea(m) || isCluster(m));
    if (!areas.length) continue;
    const cities = all.filter((m) => !isCluster(m) && !['country', 'province', 'region', 'foreign'].includes(level(m) ?? ''));

    for (const r of areas) {
      const [ra, rb] = rel(r);
      const after = text.slice(rb);
      // <R>(按行政区划)?包括<list>: 西北地区按行政区划包括陕西省、甘肃省… (provinces in a region too)
      const inc = !isCluster(r) ? /^\s*(?:按行政区划|在行政区划上|从行政区划看)?\s*(?:主要)?(?:包括|包含|涵盖|下辖|辖)\s*[：:]?\s*/.exec(after) : null;
      if (inc) {
        const members = all.filter((x) => x !== r && !isCluster(x) && level(x) !== 'country');
        const i = members.findIndex((x) => rel(x)[0] === rb + inc[0].length);
        if (i >= 0) for (const p of leaves(runFrom(members, i))) if (level(r) === 'province' ? surelyIn(p, r) : mayBeIn(p, r)) link(p, r, s);
      }
      // <R>N市（<list>）
      const br = COUNT_BRACKET.exec(after);
      if (br && !isCluster(r)) {
        const i = firstAt(cities, rb + br[0].length);
        if (i >= 0) {
          const run = runFrom(cities, i);
          if (/^\s*(?:等[^（）()]{0,8})?[）)]/.test(text.slice(rel(run[run.length - 1])[1]))) {
            for (const p of run) if (mayBeIn(p, r)) link(p, r, s);
          }
        }
      }
      if (br && isCluster(r)) {
        const i = cities.findIndex((p) => rel(p)[0] === rb + br[0].length);
        if (i >= 0) {
          const run = runFrom(cities, i);
          if (/^\s*(?:等[^（）()]{0,8})?[）)]/.test(text.slice(rel(run[run.length - 1])[1]))) for (const p of run) link(p, r, s);
        }
      }
      // <list>等<R>城市, <list>等N个<C>成员城市
      if (CITIES_AFTER.test(after)) {
        const prior = cities.filter((p) => rel(p)[1] <= ra);
        const last = prior[prior.length - 1];
        if (last && /^\s*等\s*(?:[\d一二三四五六七八九十两]+\s*(?:个|座))?\s*$/.test(text.slice(rel(last)[1], ra))) {
          for (const p of runTo(cities, cities.indexOf(last))) if (mayBeIn(p, r)) link(p, r, s);
        }
      }
      // <P>作为<R>的中心城市: 郑州作为河南的中心城市 (P the subject right before 作为; no CORE_OF for a province)
      if (!isCluster(r) && /作为\s*$/.test(text.slice(0, ra)) && ROLE_BEFORE_P.test(after)) {
        const at = /作为\s*$/.exec(text.slice(0, ra))!.index;
        const p = cities.filter((x) => rel(x)[1] <= at).pop();
        if (p && /^\s*$/.test(text.slice(rel(p)[1], at)) && mayBeIn(p, r)) link(p, r, s);
      }
      // 作为<R>重镇的<P>
      if (/作为\s*$/.test(text.slice(0, ra))) {
        const p = cities.find((x) => rel(x)[0] > rb && rel(x)[0] - rb <= 12);
        const m = p && ROLE_AFTER.exec(text.slice(rb, rel(p)[0]));
        if (p && m && mayBeIn(p, r)) link(p, r, s, CORE_ROLE.test(m[1]));
      }
      // <R>(的)?<list>: 江苏的昆山市、江阴市…, 浙江义乌市和玉环市, 北部湾经济区的南宁、北海…四个城市
      if (!isCluster(r)) {
        // …(内)?的(N个城市)? before the list: 湖南省内的三个城市长沙市、株洲市和湘潭市
        const lead = /^(?:\s*(?:内|境内)?\s*的\s*(?:[\d一二三四五六七八九十两]+\s*(?:个|座)\s*(?:地级市|城市|市|县市|县)\s*)?)?/.exec(after)![0];
        const i = cities.findIndex((p) => rel(p)[0] === rb + lead.length);
        if (i >= 0) {
          // a province opening a list of city groups (江苏省南京市，镇江市京口区、润州区，扬州市…): its
          // cities, read through their units (which are PART_OF their city, not of the province here)
          const run = level(r) === 'province' ? runFrom(cities, i, true) : runFrom(cities, i);
          for (const [k, p] of run.entries()) {
            if (run.slice(0, k).some((q) => surelyIn(p, q))) continue;
            if (surelyIn(p, r)) link(p, r, s);
          }
          // …的南宁、北海、防城、钦州四个城市: a counted list (an item the recogniser missed may sit in it)
          const loose = looseRun(cities, i);
          if (COUNTED_TAIL.test(text.slice(rel(loose[loose.length - 1])[1]))) for (const p of loose) if (mayBeIn(p, r)) link(p, r, s);
        }
      }
    }

    // <R>…分别是：<list>
    for (const m of text.matchAll(ENUMERATED)) {
      const at = m.index!;
      const from = at + m[0].length;
      const r = [...areas].reverse().find((x) => rel(x)[1] <= at && !isCluster(x));
      if (!r || all.some((x) => x !== r && rel(x)[0] > rel(r)[1] && rel(x)[1] <= at)) continue;
      const i = firstAt(cities, from);
      if (i < 0) continue;
      for (const p of runFrom(cities, i)) if (surelyIn(p, r)) link(p, r, s);
    }

    // <P>建设<R>(…)(区域)?中心城市 (and <R1>和<R2>中心城市)
    for (let k = 0; k < areas.length; k++) {
      const r = areas[k];
      const [ra, rb] = rel(r);
      // 成为…唯一一个皖北城市: a bare 城市 after 成为/是
      let role = CITY_ROLE_AFTER.exec(text.slice(rb)) ?? (/^城市/.test(text.slice(rb)) && /(?:成为|是)[^，,。；;]{0,14}$/.test(text.slice(0, ra)) ? /^城市/.exec(text.slice(rb)) : null);
      if (role && /[和与及、的]/.test(role[0].replace(/区域性?|(?:重点|中心|副中心|核心|节点|门户|枢纽)城市$/g, ''))) role = null;
      if (!role) {
        // <R1>和<R2>中心城市: R1 shares the role of R2
        const r2 = areas[k + 1];
        if (!r2 || !/^\s*(?:和|与|及|、)\s*$/.test(text.slice(rb, rel(r2)[0]))) continue;
        const role2 = CITY_ROLE_AFTER.exec(text.slice(rel(r2)[1]));
        if (!role2 || /[和与及、的]/.test(role2[0].replace(/区域性?|(?:重点|中心|副中心|核心|节点|门户|枢纽)城市$/g, ''))) continue;
      }
      if (!BECOME.test(text.slice(0, ra)) && !/(?:成为|是)[^，,。；;]{0,14}$/.test(text.slice(0, ra))) continue;
      // the place: the nearest city or county before R, no other city between
      const before = cities.filter((p) => rel(p)[1] <= ra && ['prefecture', 'county'].includes(level(p) ?? ''));
      const p = before[before.length - 1];
      if (!p) continue;
      // 建设成为北部湾城市群核心城市: the core; a 区域中心城市 / 重点城市 is not (guidelines)
      if (mayBeIn(p, r)) link(p, r, s, !!role && /^(?:核心|中心)城市$/.test(role[0]));
    }

    // <places>…，(逐步)?培养形成<C>的新一极增长主体: the places named in the clauses before, which are to
    // grow into a growth pole of the cluster (as 支持阜阳建设…中原城市群区域中心城市); a place only named
    // for adjacency (邻近兰州的…) is not one of them
    for (const c of clusters) {
      const [ca, cb] = rel(c);
      if (!/^\s*的?[^，,。；;]{0,6}?增长(?:极|主体|中心|引擎)/.test(text.slice(cb))) continue;
      let cs = ca;
      while (cs > 0 && !/[，,。；;：:]/.test(text[cs - 1])) cs--;
      if (!/(?:培养|培育|打造|建设|发展)(?:形成|成为|成)?\s*$/.test(text.slice(cs, ca)) || places.some((p) => rel(p)[0] >= cs && rel(p)[1] <= ca)) continue;
      const members: Mention[] = [];
      for (let end = cs - 1; end > 0;) {
        let start = end;
        while (start > 0 && !/[，,。；;：:]/.test(text[start - 1])) start--;
        const inClause = places.filter((p) => rel(p)[0] >= start && rel(p)[1] <= end);
        if (!inClause.length || /[。；;]/.test(text[end] ?? '')) break;
        for (const p of inClause) {
          const adjacent = /(?:邻近|靠近|毗邻|临近|紧邻)\s*$/.test(text.slice(start, rel(p)[0])) && /^\s*的/.test(text.slice(rel(p)[1]));
          if (!adjacent) members.push(p);
        }
        end = start - 1;
      }
      for (const p of members) push('MEMBER_OF', p.entity, c.entity, s);
    }

    // <A>(位于|地处|属于)<B>: A the subject of its clause (or of the clause before, which says what or
    // where A is: 喀什城市圈地处欧亚大陆腹地，位于新疆西南部; 马鞍山是安徽省下辖的地级市，明确属于南京都市圈)
    for (const b of all) {
      const [ba, bb] = rel(b);
      // …or a location verb and a modifier of B (贵阳就出生在贫困人口最多…的贵州省: a city "born" in its province)
      const lead = /(?:位于|地处|坐落于|处于|属于|隶属于|隶属|归属于|出生在|出生于|诞生在|诞生于)\s*$/.exec(text.slice(0, ba))
        ?? /(?:位于|地处|坐落于|出生在|出生于|诞生在|诞生于)[^，,。；;、“”]{1,24}的\s*$/.exec(text.slice(0, ba));
      if (!lead || all.some((x) => rel(x)[0] >= ba - lead[0].length && rel(x)[1] <= ba - 1)) continue;
      const verbAt = ba - lead[0].length;
      if (/(?:不|未|非|并非)\s*$/.test(text.slice(0, verbAt))) continue;
      // …地处A、B与C的结合部: between them, not inside
      if (/^[^，,。；;]*?(?:结合部|接合部|交界|交汇|之间)/.test(text.slice(bb)) || /^\s*(?:、|和|与|及)/.test(text.slice(bb))) continue;
      let cs = verbAt;
      while (cs > 0 && !/[，,。；;：:]/.test(text[cs - 1])) cs--;
      const lead2 = text.slice(cs, verbAt);
      let a = all.filter((x) => rel(x)[0] >= cs && rel(x)[1] <= verbAt).pop();
      if (a && !(/^(?:由于|因为|而|且|但|其中)?$/.test(text.slice(cs, rel(a)[0])) && ADVERB_ONLY.test(text.slice(rel(a)[1], verbAt)))) a = undefined;
      if (!a && cs > 0 && ADVERB_ONLY.test(lead2)) {
        let ps = cs - 1;
        while (ps > 0 && !/[，,。；;：:]/.test(text[ps - 1])) ps--;
        const first = all.find((x) => rel(x)[0] === ps);
        if (first && (LOCATED.test(text.slice(rel(first)[1], cs)) || /^\s*(?:是|为)/.test(text.slice(rel(first)[1], cs)))) a = first;
      }
      // a division must lie inside B by the gazetteer where B is known (马鞍山属于南京都市圈 is not checked)
      const division = ['province', 'prefecture', 'county', 'district', 'town'].includes(level(a ?? b) ?? '');
      if (a && a !== b && (!division || mayBeIn(a, b))) {
        if (isCluster(b) && !isCluster(a)) push('MEMBER_OF', a.entity, b.entity, s);
        else push('PART_OF', a.entity, b.entity, s);
      }
    }

    // X是…在Y(上)?建设的…: where X was built (红寺堡区是…在宁夏中部干旱带亘古荒原上建设的…移民安置区)
    for (const b of all) {
      const [ba, bb] = rel(b);
      if (!/在\s*$/.test(text.slice(0, ba)) && !all.some((x) => rel(x)[1] === ba && /在\s*$/.test(text.slice(0, rel(x)[0])))) continue;
      if (!/^[^，,。；;、的]{0,6}?(?:上|中|内|境内)?(?:建设|建立|设立|兴建|建成)的/.test(text.slice(bb))) continue;
      // the subject: the place right before 是, earlier in the sentence, with no other 是 between
      const cop = text.slice(0, ba).lastIndexOf('是');
      if (cop < 0) continue;
      const a = all.filter((x) => rel(x)[1] <= cop).pop();
      if (!a || a === b || !ADVERB_ONLY.test(text.slice(rel(a)[1], cop))) continue;
      if (level(a) !== 'country' && level(b) !== 'country') push('PART_OF', a.entity, b.entity, s);
    }

    // X(也)?是<R>…的区域/板块/组成部分: 黔中城市群是贵州经济实力最强的区域，也是西部地区迅速成长的经济板块
    // (X the sentence's subject; not a share: 占贵州和西部地区比重)
    // the subject: a place opening the sentence or a clause (规划指出，哈长城市群是…) right before 是
    const subj = all.find((m) => /(?:^|[，,：:])\s*$/.test(text.slice(0, rel(m)[0])) && /^\s*(?:也|还|同时|既)?是/.test(text.slice(rel(m)[1])));
    if (subj && !['country', 'province'].includes(level(subj) ?? '')) {
      for (const r of all) {
        if (r === subj || !isArea(r) || level(r) === 'foreign' || rel(r)[0] < rel(subj)[1]) continue;
        const [ra, rb] = rel(r);
        let cs = ra;
        while (cs > 0 && !/[，,。；;：:]/.test(text[cs - 1])) cs--;
        const same = cs <= rel(subj)[0]; // R in the subject's own clause
        const head = same ? text.slice(rel(subj)[1], ra) : text.slice(cs, ra);
        // 是 right after the subject, or a clause opening with 也是/还是/同时是
        // …or 是 right after the subject with R in a later clause of the same predicate (X是以A为核心，…的R…城市集群)
        const copula = same ? /^\s*(?:也|还|同时|既)?是[^，,。；;]*$/.test(head)
          : /^\s*(?:也|还|同时|更|又)是[^，,。；;]*$/.test(head) || /^\s*(?:也|还|同时|既)?是[^是。；;]*$/.test(text.slice(rel(subj)[1], ra));
        const tail = /^[^，,。；;]{0,16}?(?:区域|地区|板块|城市集群|组成部分|核心区|增长极)\s*(?:之一)?\s*(?:[，,。；;]|$)/.exec(text.slice(rb));
        if (!copula || !tail || /占|比重/.test(text.slice(rb, rb + 8))) continue;
        // other places in between only before a short tail (…一体化发展的云南省中部城市集群)
        const between = all.filter((x) => x !== subj && x !== r && rel(x)[0] >= (same ? rel(subj)[1] : cs) && rel(x)[1] <= ra);
        if (between.some((x) => isArea(x) || isCluster(x)) || (between.length && tail[0].length > 10)) continue;
        if (mayBeIn(subj, r) || isCluster(subj)) push('PART_OF', subj.entity, r.entity, s);
      }
    }

    // X是<C>的(重要)?组成部分 / X也是我国…的跨省都市圈: the copula's subject is the place right before 是
    // or, for a clause opening with 是, the place the sentence opens with (南京都市圈地处…，是…，也是…)
    for (const r of all) {
      const [ra, rb] = rel(r);
      const cop = /(?:^|[，,；;]|[^，,。；;])\s*(?:也|还|同时|既|更|又)?是\s*$/.exec(text.slice(0, ra));
      if (!cop) continue;
      const verbAt = ra - /(?:也|还|同时|既|更|又)?是\s*$/.exec(text.slice(0, ra))![0].length;
      const before = all.filter((x) => rel(x)[1] <= verbAt).pop();
      let subj: Mention | undefined;
      if (before && ADVERB_ONLY.test(text.slice(rel(before)[1], verbAt)) && !/[，,。；;：:]/.test(text.slice(rel(before)[1], verbAt))) subj = before;
      else if (/(?:^|[，,])\s*$/.test(text.slice(0, verbAt)) && all[0] && rel(all[0])[0] <= 2 && all[0] !== r
        && !/[。；;]/.test(text.slice(rel(all[0])[1], verbAt))) subj = all[0];
      if (!subj || subj === r) continue;
      if (isCluster(r) && /^\s*的\s*(?:重要|核心|主要)?\s*(?:组成部分|成员)/.test(text.slice(rb))) {
        push('MEMBER_OF', subj.entity, r.entity, s);
      } else if (level(r) === 'country' && (isCluster(subj) || isArea(subj))
        && /^[^，,。；;]{0,16}?的[^，,。；;的]{0,6}?(?:都市圈|城市群|城市圈|经济区|经济带)(?:之一)?\s*(?:[，,。；;]|$)/.test(text.slice(rb))) {
        // 南京都市圈…也是我国最早启动建设的跨省都市圈: one of the country's metropolitan areas
        push('PART_OF', subj.entity, r.entity, s);
      }
    }

    // <P>是<R>(下辖|所辖|管辖)的…: 马鞍山是安徽省下辖的地级市
    for (const r of all) {
      const [ra, rb] = rel(r);
      if (!/^\s*(?:下辖|所辖|管辖|辖)/.test(text.slice(rb)) || !/(?:是|为|系)\s*$/.test(text.slice(0, ra))) continue;
      const verbAt = /(?:是|为|系)\s*$/.exec(text.slice(0, ra))!.index;
      const p = all.filter((x) => rel(x)[1] <= verbAt).pop();
      if (!p || !ADVERB_ONLY.test(text.slice(rel(p)[1], verbAt)) || /[，,。；;：:]/.test(text.slice(rel(p)[1], verbAt))) continue;
      if (surelyIn(p, r)) push('PART_OF', p.entity, r.entity, s);
    }
  }
  return out;
}
