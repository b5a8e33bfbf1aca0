import type { EntityType, Mention, Relation, RelationType, SegmentedDoc, Sentence } from '../types.js';
import { placeContains } from './places.js';

/**
 * MEMBER_OF / CORE_OF / PART_OF stated in the text (guidelines: only when the sentence says the
 * place is in the cluster or region), between PLACE mentions of one sentence.
 *
 * Clusters (city clusters, metropolitan areas) — MEMBER_OF, and CORE_OF where the place is called
 * the core:
 *   <C>(包括|包含|涵盖|覆盖|由)<list>, <C>核心区由<list>组成 (core), 辐射区包括<list> (after ；)
 *   <C>（<list>）, <C>N市（<list>）
 *   <C>以X为中心，…，包括<list>               (the cluster is the sentence's first mention)
 *   <list>等N个城市(组成|构成)<C>, <list>等…城市(均)被列入…
 *   以<P>为(核心|中心) (not 以P为中心的“米”字形高铁), <P>作为/是<C>的核心, <C>中心<P>,
 *   作为<C>副中心的<P>, <P>建设<C>南部区域中心城市
 * Regions, zones and provinces — PART_OF:
 *   <R>N市（<list>）/ <R>N个（<list>）           皖北6市（阜阳、蚌埠…）
 *   <list>等<R>城市                            芜湖、马鞍山等皖南城市
 *   作为<R>重镇的<P>                           作为皖北重镇的蚌埠
 *   <R>(的)?<list>                             江苏的昆山市、江阴市…; 浙江义乌市和玉环市;
 *                                               北部湾经济区的南宁、北海…四个城市
 *   <R>…分别是：<list>                          浙江入围的5个城市分别是：义乌市、…
 *   <P>建设<R>(区域)?(重点|中心)城市            阜阳建设长三角区域重点城市, 阿克苏南疆…中心城市
 *   <P>(位于|地处)<R>                          喀什城市圈位于西北干旱区 (not …的结合部)
 * For a province (and a region or zone with a known province) the members must lie inside it by
 * the gazetteer; `R的list` without such a check needs a count after the list (…四个城市).
 * A list is PLACE mentions separated by 、，和及与以及 (a count such as 四市 may close a run, a
 * bracketed name joins it: 疏勒县草湖镇（三师41团）).
 */

interface EntityInfo { name: string; type: EntityType; level?: string }

const CLUSTER_NAME = /(?:城市群|都市圈|城市圈|城镇群|都市区|经济圈)$/;
const INCLUDE_AFTER = /^\s*(?:范围)?(?:主要)?(?:包括|包含|涵盖|覆盖|由)\s*/;
/** <C>核心区由 / <C>核心区包括: every member is a core */
const CORE_INCLUDE_AFTER = /^\s*(?:的)?核心区(?:主要)?(?:包括|包含|涵盖|由)\s*/;
/** a sentence opening with the outer ring of the cluster named in the sentence before (…组成；辐射区主要包括…) */
const RING_OPEN = /^\s*(?:辐射区|外围区|拓展区|紧密区|协作区|辐射圈|外围圈)(?:主要)?(?:包括|包含|涵盖|由)\s*/;
const LISTED_BEFORE = /^\s*(?:等(?:[\d一二三四五六七八九十“”"+\s]*(?:个)?(?:地级)?(?:城市|市|地市|个市))?)?\s*(?:[均都也已])?\s*(?:被|已被)?(?:列入|纳入|划入|列为|归入)/;
const COUNT = '(?:[\\d一二三四五六七八九十两]+\\s*(?:个|座)?\\s*(?:地级市|城市|地市|县市|县|市|区))';
const LIST_SEP = new RegExp(`^\\s*(?:[（(][^（）()]{0,10}[）)])?\\s*${COUNT}?\\s*(?:、|，|,|和|及|与|以及|及其)\\s*$`);
/** <list>等N个城市(共同)?(组成|构成)<C> */
const COMPOSE_AFTER = /^\s*(?:[（(][^（）()]{0,10}[）)])?\s*(?:等)?\s*(?:[\d一二三四五六七八九十两]+\s*个\s*(?:地级)?(?:城市|市|地市|县市|区县|都市区))?\s*(?:共同)?(?:组成|构成)(?:了)?\s*$/;
/** ，(范围)?包括<list> in a sentence whose subject is the cluster (…以X为中心，包括A、B…) */
const CLAUSE_INCLUDE = /[，,]\s*(?:其)?(?:范围)?(?:主要)?(?:包括|包含|涵盖)\s*/g;
/** <R>(的)?(N(个|座|市))?（ — a bracketed list of the region's places */
const COUNT_BRACKET = /^\s*(?:的)?\s*(?:[\d一二三四五六七八九十两]+\s*(?:个|座)?\s*(?:地级市|城市|地市|市)?)?\s*[（(]\s*(?:包括|包含|含)?\s*/;
/** after <list>等<R>: the places are its cities */
const CITIES_AFTER = /^\s*(?:的)?\s*(?:城市|地市|县市|各市|市县|地区城市)/;
/** after 作为<R>: the title the place holds there (重镇, 副中心 …), up to the 的 before the place */
const ROLE_AFTER = /^\s*(?:的)?\s*[“"]?(重镇|重要城市|中心城市|核心城市|中心|核心|龙头|副中心城市|副中心|区域中心城市|区域中心|门户城市|门户|枢纽城市|节点城市)[”"]?\s*的\s*$/;
/** <C>(的)?中心<P>: the place right after is the core (欧洲西北部城市群中心巴黎) */
const CORE_APPOSITION = /^\s*(?:的)?\s*(中心城市|核心城市|中心|核心|副中心城市|副中心)\s*$/;
const CORE_ROLE = /^(?:中心城市|核心城市|中心|核心|龙头)$/;
/** after <R>: the city the place is to become there (长三角区域重点城市, 成渝城市群南部区域中心城市) */
const CITY_ROLE_AFTER = /^[\u4e00-\u9fff]{0,6}?(?:区域性?)?(?:重点|中心|副中心|核心|节点|门户|枢纽)城市/;
const BECOME = /建设|打造|建成|成为|定位为|培育为|发展为|发展成/;
const LOCATED = /^\s*(?:位于|地处|坐落于|处于)\s*/;
const ENUMERATED = /分别(?:是|为)\s*[：:]?\s*/g;
/** after a list: its count (四个城市, 等5市) */
const COUNTED_TAIL = new RegExp(`^\\s*(?:等)?\\s*${COUNT}`);

function groupBySentence(mentions: Mention[]): Map<number, Mention[]> {
  const by = new Map<number, Mention[]>();
  for (const m of mentions) {
    const list = by.get(m.sentence);
    if (list) list.push(m);
    else by.set(m.sentence, [m]);
  }
  return by;
}

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

  const bySentence = groupBySentence(mentions);
  let prevClusters: Mention[] = [];
  let prevEndsSemicolon = false;
  for (const s of doc.sentences) {
    const ms = (bySentence.get(s.ordinal) ?? [])
      .filter((m) => m.start >= s.start && m.end <= s.end)
      .sort((x, y) => x.start - y.start);
    const text = s.text;
    const all = ms.filter((m) => m.type === 'PLACE');
    const clusters = all.filter(isCluster);
    // members are cities, counties and smaller places, not provinces (八桂大地，南宁…)
    const places = all.filter((m) => !isCluster(m) && level(m) !== 'province');
    const rel = (m: Mention) => [m.start - s.start, m.end - s.start] as const;
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
        if (!LIST_SEP.test(gap)) break;
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
        if (!/^\s*、\s*[\u4e00-\u9fff]{1,4}\s*、\s*$/.test(text.slice(rel(last)[1], rel(list[j])[0]))) break;
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
    const runTo = (list: Mention[], i: number): Mention[] => {
      const run = [list[i]];
      for (let j = i - 1; j >= 0; j--) {
        if (!LIST_SEP.test(text.slice(rel(list[j])[1], rel(run[0])[0]))) break;
        run.unshift(list[j]);
      }
      return run;
    };
    const firstAt = (list: Mention[], from: number, slack = 0) =>
      list.findIndex((p) => rel(p)[0] >= from && rel(p)[0] - from <= slack);

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
        const inc = INCLUDE_AFTER.exec(after.replace(/^(?:[”"》]|的)?/, ''));
        if (inc) {
          const i = firstAt(places, rel(c)[1], inc[0].length + 3);
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
          if (clusters.some((x) => x !== c && rel(x)[0] < from)) break;
          const i = places.findIndex((p) => rel(p)[0] === from);
          if (i >= 0) for (const p of runFrom(places, i)) push('MEMBER_OF', p.entity, c.entity, s);
        }
      }
      // <list>等N个城市(组成|构成)<C>
      for (const c of clusters) {
        const a = rel(c)[0];
        const prior = places.filter((p) => rel(p)[1] <= a);
        const last = prior[prior.length - 1];
        if (!last || !COMPOSE_AFTER.test(text.slice(rel(last)[1], a))) continue;
        for (const p of runTo(places, places.indexOf(last))) push('MEMBER_OF', p.entity, c.entity, s);
      }
      // <list> 等…城市 (均)被列入 …
      for (let i = 0; i < places.length; i++) {
        if (i + 1 < places.length && LIST_SEP.test(text.slice(rel(places[i])[1], rel(places[i + 1])[0]))) continue;
        if (!LISTED_BEFORE.test(text.slice(rel(places[i])[1]))) continue;
        const run = runTo(places, i);
        const c = nearest(rel(run[0])[0]);
        for (const p of run) push('MEMBER_OF', p.entity, c.entity, s);
      }
      // cores: 以P为核心 / P作为C的核心 / C中心P
      for (const p of places) {
        const [a, b] = rel(p);
        const before = text.slice(Math.max(0, a - 1), a);
        const after = text.slice(b);
        let c: Mention | undefined;
        if (before === '以' && /^为(?:核心|中心|龙头|主中心)/.test(after)) {
          // 以郑州为中心的9座城市 / 的城市圈, not 以郑州为中心的“米”字形高铁
          const tail = /^为(?:核心|中心|龙头|主中心)(的)?([^，,。；;]*)/.exec(after)!;
          const cand = nearest(a);
          const candStart = rel(cand)[0];
          const inTail = candStart >= b && candStart < b + tail[0].length;
          if (!tail[1] || inTail || /^.{0,8}?(?:城市|都市|城镇|城市群|都市圈|城市圈|都市区)/.test(tail[2])) c = cand;
        } else {
          const m = /^\s*(?:作为|是|为)\s*/.exec(after);
          if (m) {
            const cl = clusters.find((x) => rel(x)[0] === b + m[0].length);
            if (cl && /^\s*的\s*[“"]?(?:核心|中心城市|核心城市|龙头)/.test(text.slice(rel(cl)[1]))) c = cl;
          }
        }
        if (c) link(p, c, s, true);
      }
      // <C>中心<P> (欧洲西北部城市群中心巴黎)
      for (const c of clusters) {
        const p = places.find((x) => rel(x)[0] >= rel(c)[1] && rel(x)[0] - rel(c)[1] <= 6);
        if (!p) continue;
        const m = CORE_APPOSITION.exec(text.slice(rel(c)[1], rel(p)[0]));
        if (m) link(p, c, s, CORE_ROLE.test(m[1]));
      }
    }

    // ---- regions, zones, provinces (and clusters written the same way) ----
    const areas = all.filter((m) => isArea(m) || isCluster(m));
    if (!areas.length) continue;
    const cities = all.filter((m) => !isCluster(m) && !['country', 'province', 'region', 'foreign'].includes(level(m) ?? ''));

    for (const r of areas) {
      const [ra, rb] = rel(r);
      const after = text.slice(rb);
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
      // <list>等<R>城市
      if (CITIES_AFTER.test(after)) {
        const prior = cities.filter((p) => rel(p)[1] <= ra);
        const last = prior[prior.length - 1];
        if (last && /^\s*等\s*$/.test(text.slice(rel(last)[1], ra))) {
          for (const p of runTo(cities, cities.indexOf(last))) if (mayBeIn(p, r)) link(p, r, s);
        }
      }
      // 作为<R>重镇的<P>
      if (/作为\s*$/.test(text.slice(0, ra))) {
        const p = cities.find((x) => rel(x)[0] > rb && rel(x)[0] - rb <= 12);
        const m = p && ROLE_AFTER.exec(text.slice(rb, rel(p)[0]));
        if (p && m && mayBeIn(p, r)) link(p, r, s, CORE_ROLE.test(m[1]));
      }
      // <R>(的)?<list>: 江苏的昆山市、江阴市…, 浙江义乌市和玉环市, 北部湾经济区的南宁、北海…四个城市
      if (!isCluster(r)) {
        const lead = /^(?:\s*的\s*)?/.exec(after)![0];
        const i = cities.findIndex((p) => rel(p)[0] === rb + lead.length);
        if (i >= 0) {
          const run = runFrom(cities, i);
          for (const p of run) if (surelyIn(p, r)) link(p, r, s);
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

    // <A>(位于|地处)<B>: A the subject of its clause (or of the clause before, which says where A lies too)
    for (const b of all) {
      const [ba, bb] = rel(b);
      const lead = /(?:位于|地处|坐落于|处于)\s*$/.exec(text.slice(0, ba));
      if (!lead) continue;
      const verbAt = ba - lead[0].length;
      // …地处A、B与C的结合部: between them, not inside
      if (/^[^，,。；;]*?(?:结合部|接合部|交界|交汇|之间)/.test(text.slice(bb)) || /^\s*(?:、|和|与|及)/.test(text.slice(bb))) continue;
      let cs = verbAt;
      while (cs > 0 && !/[，,。；;：:]/.test(text[cs - 1])) cs--;
      const lead2 = text.slice(cs, verbAt);
      let a = all.filter((x) => rel(x)[0] >= cs && rel(x)[1] <= verbAt).pop();
      if (a && !(/^(?:由于|因为|而|且|但|其中)?$/.test(text.slice(cs, rel(a)[0])) && /^\s*$/.test(text.slice(rel(a)[1], verbAt)))) a = undefined;
      if (!a && cs > 0 && /^\s*$/.test(lead2)) {
        // 喀什城市圈地处欧亚大陆腹地，位于新疆西南部
        let ps = cs - 1;
        while (ps > 0 && !/[，,。；;：:]/.test(text[ps - 1])) ps--;
        const first = all.find((x) => rel(x)[0] === ps);
        if (first && LOCATED.test(text.slice(rel(first)[1], cs))) a = first;
      }
      if (a && a !== b) push('PART_OF', a.entity, b.entity, s);
    }
  }
  return out;
}
