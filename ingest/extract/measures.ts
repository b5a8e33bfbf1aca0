import type { Entity, EntityType, Measure, Mention, Modality, Section, SegmentedDoc, Sentence } from '../types.js';
import { loadLexicon } from '../lexicon.js';
import { bySentence as groupBySentence, CLAUSE_PUNCT, clauseBounds, overlapTest } from './match.js';

/**
 * Recommendation / countermeasure sentences (县域地区应……, 加快……, 要……).
 *
 * A sentence is a measure when
 *  1. a modal cue (应, 要, 需要, 必须, 建议, 可以 …; schema/lexicons/measure-cues.tsv) is followed by a
 *     verb in the same clause (应重视…, 要把…, 需从…入手), or in the clause it joins with 并/同时 or
 *     after a one-word predicate (需要…重视，并及时加以解决; 产业发展要分层，完善…), or
 *  2. it starts — after an enumerator (（二）, 一是, 第一，, 5.1, ——), 连接词 (同时, 此外, 首先), optional
 *     leading 以…为…/根据…/围绕…/从…出发/依靠… clauses, an optional actor mention and adverbs (进一步,
 *     大力) — with an imperative action verb (加快, 推进, 完善 …), or is a slogan (以X促Y, A与B相结合), or
 *  3. it sits in a countermeasure section (own or ancestor heading contains 对策/建议/措施/路径/思路/策略/
 *     启示/思考; 5.1 … counts as a child of 5 …) and one of its clauses starts with an action verb, or
 *  4. in plans and policy texts, it is the request of a covering notice or approval (…,请认真贯彻实施。)
 *     or a procedural instruction (…按规定程序报批。).
 *
 * Decisions:
 *  - Descriptive sentences are not measures: a cue whose clause carries aspect 了 / 已经 / 正在 (also
 *    right before it: 已经不能再等) is ignored; 据统计, 数据显示, 研究表明, 调查显示, 实践证明 … reject the
 *    whole sentence; questions too. Discourse formulas 需要看到的是 / 应该说 / 要指出 are not cues.
 *  - Problem statements (有待完善, 亟待解决, 构建X面临三大问题) and lead-ins (现提出如下意见。, 现批复如下:)
 *    are not measures.
 *  - 可以 counts only with an actor subject (县域地区可以…); bare 可以实现… and capability (还/也/完全可以)
 *    are evaluations.
 *  - Reported speech: a person's quoted recommendation (某研究员建议，城市间应加强合作) is a measure, the
 *    speaker being the source, not the actor; the reported content of a policy, plan or statement
 *    (…提出/表示，要…, 《纲要》提出了推进……, …发布《规划》…明确了…，要…) is not (guidelines). In
 *    countermeasure sections a verb-initial clause after a reporting verb (某研究员认为，…) is not either.
 *  - News reports relay policy content in imperative form: there only modal cues and slogans count, and
 *    not those after a reporting verb (认为, 提到, 要求 …), inside a quotation, or in a sentence going on
 *    from a reported one (王某指出，… | 中小城市则要…) unless the writer concludes (因此，需要…).
 *  - Lead-ins (为…，结合实际，制定本方案。), title lines (某省…实施方案), evaluative predicates of a verb
 *    phrase (实施X，事关…; 推进X，对Y具有重要意义), verb phrases heading a meta noun (…的思考) and cases
 *    told in a countermeasure section (案例：…) are not measures; a section on other countries' practice
 *    (发达国家…的实施路径) is no countermeasure section.
 *  - Headings: a heading line that is a bare verb phrase (加快产业转型升级) is a measure inside a
 *    countermeasure section, or when it is enumerated and its own body prescribes (≥2 sentences with a
 *    modal cue: 一、强化区域优势，… followed by 首先，要…), because the same verb-initial style titles
 *    descriptions of what was done (（一）加强城乡规划编制 under 「…取得的经验」). Plans and policy texts
 *    title their tasks with verb phrases anywhere outside descriptive sections. A heading with an
 *    explicit modal (打造城市群需摒弃“高大全”思维) is treated like any sentence.
 *  - Verb-initial rule: a sentence whose main predicate is the copula 是 (加快X是Y的途径) or whose
 *    verb is used attributively (国务院出台的《意见》) is not a measure.
 *  - actor: the entity of an agent-like mention (PLACE, ORGANIZATION, or a CONCEPT named …地区/政府/
 *    城市/镇/县 …) standing right before the cue in its clause, at most a few characters away and not
 *    linked to the cue by 的/在/对/把 or a process word (so 中心镇的财政改革要…, 城市群各市产业发展要…
 *    have no actor), except the owner of a process (我国新型城镇化建设必须…, 城市群的发展要… → the
 *    owner). A subject clause without predicate carries over (中国作为…，应当…; 城市群在…中，要…).
 *    No actor for a list of subjects (湛江、钦州…等要…, guidelines) or a mention after a verb (打造城市群
 *    需…: its object). Only the strongest cue's actor counts.
 *  - targets: every mention in the sentence (up to 。！？: the ；-pieces the segmenter splits off make
 *    one measure), minus the actor, de-duplicated by entity key in text order.
 *  - Not measures: definitions (是指要, 目的是要), conditions (需要…时，才能), figures (60%要), purpose
 *    clauses (要使…是至关重要的), evaluative copulas (…，是…的关键/必要选择), technical method
 *    (必须建立…方程), sections on past practice (…取得的经验, 做法, 成效), and — outside plans and
 *    policy texts — a named place or body followed by a verb (泸州加快…, 中央出台文件…: a report).
 *  - modality: the strongest accepted cue, must > should > need > suggest > action; `cue` is that word
 *    (earliest on ties). 不能 is should like 不应 (the guidelines' must is 必须).
 */


const STRENGTH: Record<Modality, number> = { must: 5, should: 4, need: 3, suggest: 2, action: 1 };

interface CueLists {
  modals: { word: string; modality: Modality }[];
  actions: string[];
  verbs: string[];
  negverbs: string[];
  sections: string[];
}

let lists: CueLists | null = null;

function cues(): CueLists {
  if (lists) return lists;
  const rows = loadLexicon('measure-cues');
  const l: CueLists = { modals: [], actions: [], verbs: [], negverbs: [], sections: [] };
  for (const r of rows) {
    const kind = r.fields.kind;
    if (kind === 'modal') l.modals.push({ word: r.name, modality: r.fields.modality as Modality });
    else if (kind === 'action') l.actions.push(r.name);
    else if (kind === 'verb') l.verbs.push(r.name);
    else if (kind === 'negverb') l.negverbs.push(r.name);
    else if (kind === 'section') l.sections.push(r.name);
  }
  const byLen = (a: string, b: string) => b.length - a.length;
  l.modals.sort((a, b) => b.word.length - a.word.length);
  l.actions.sort(byLen);
  l.verbs.sort(byLen);
  l.negverbs.sort(byLen);
  lists = l;
  return l;
}

// guidelines: targets are all mentions of the sentence except the actor (a quoted expert too)
const TARGET_TYPES: ReadonlySet<EntityType> = new Set(['INDUSTRY', 'CONCEPT', 'THEORY', 'POLICY', 'PLACE', 'ORGANIZATION', 'PERSON']);
const AGENT_CONCEPT = /(地区|政府|城市|城镇|地方|部门|主体|企业|机构|乡镇|中心镇|试点镇|镇|县|市|区|乡|村|群|圈|省|州)$/;

/** Characters that, before/after a single-character modal, make it part of another word. */
const GUARD: Record<string, { before?: string; after?: string }> = {
  应: { before: '适相对响效供反呼回顺答感照报策承内理', after: '用急届变聘邀收付运验酬征试声' },
  要: { before: '重主只纲必摘需想将快首扼紧显次机提简概政不可', after: '求素点么是件务害闻领道职塞旨诀冲紧案想' },
  需: { before: '所内供必无军急亟', after: '求要' },
  须: { before: '必无胡触莫', after: '知臾' },
  宜: { before: '适便制相权合不', after: '居业人家宾昌兴春州' },
  建议: { before: '', after: '书稿案权' },
};
/** 需要 as a noun: 迫切需要, 现实需要, 发展需要 at clause end or before 的/和. */
const DISCOURSE_AFTER = /^(?:特别)?(?:看到|指出|注意到?的是|说明的是|强调的是|承认|说[，,])/;
const DESCRIPTIVE_SENTENCE = /据[^，,。；]{0,20}统计|数据显示|统计显示|研究表明|研究发现|调查显示|结果表明|实践证明|事实证明|资料显示/;
/** Verb-initial sentences that report or evaluate rather than prescribe. */
/** Dates and figures: in papers and news a verb-initial sentence with them reports what was done. */
const FIGURES = /(?<![到至])(?:19|20)\d{2}\s*年|\d\s*(?:个|家|项|亿元|万元|元|公里|平方公里|万人|万户|亩|吨|%|％|个百分点)/;
const REPORTED_FACTS =
  /(?:全部|基本|顺利|圆满|已)完成|取得(?:了|显著|明显|阶段性)|成效显著|初步形成|有利于|有助于|意味着|在于|以来[，,]|将(?:显著|有效|大大|极大)/;
/** Verb + following characters that make a noun, not an imperative (改革开放, 创新能力). */
const NOMINAL_START = /^(?:改革开放|创新能力|创新驱动|创新型|支持下|统筹兼顾|突破口)/;
const CONDITIONAL = /(?:如果|若|假如|一旦|倘若|要是|假若)[^，,；;。]*$/;
const PREP_START = /^(?:进一步|积极|充分|切实)?(?:根据|按照|依据|依照|结合|围绕|针对|立足于?|着眼于?|基于|在[^，,；;。]{1,20}(?:基础上|前提下|过程中|背景下|条件下|框架下))/;
const PROHIBITION_OK = /^(?:再|仅仅|仅|只|单纯|过度|过分|一味|简单地?|随意|盲目)/;
const ASPECT = /(?<![为除罢])了(?!解)|已经|(?<![不得而])已(?!有)(?=[\u4e00-\u9fff])|正在|业已/;
const COPULA = /(?<![特别尤其但而于或还只就正凡总要若倘即不否一二三四五六七八九十])是(?!否)/;

const ENUM = /^(?:第[一二三四五六七八九十百零\d]{1,4}(?:章|节|条|篇|编|部分)\s*|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}(?:[.．]\d{1,2}){1,3}(?![\d.．])|\d{1,2}[.．、](?!\d)|[①-⑳]|——|第[一二三四五六七八九十]{1,3}(?:[，,、：:]|(?=[\u4e00-\u9fff])))\s*/;
const CONNECTIVE = /^(?:同时|此外|另外|另一方面|一方面|[一二三四五六七八九十]是|首先|其次|再次|然后|最后|其[一二三四五]|因此|所以|为此|对此|总之|进而|而且|并且|此外|当前|今后|下一步|下一阶段|未来|近期|远期|具体而言|具体来说|总的来说|与此同时)\s*[，,：:]?\s*/;
const ADVERB = /^(?:进一步|分类|分步|分级|分区|有序|稳妥|积极稳妥|严格|依法|加紧|抓紧|统筹|大幅|显著|尽早|加快|大力|积极|切实|全面|着力|不断|继续|努力|重点|稳步|逐步|深入|持续|充分|主动|尽快|率先|优先|科学地?|合理地?|有序地?|统一|共同|协同|适度|适当|因地制宜地?|加快|还|也|更|要|将|应|都|均|须|可|需|并|再|则|就|才|一定|务必|必须|首先|真正|有效|扎实|全力|坚定|坚决|着重|大胆|广泛|有效地|认真)/;
/** Generic (non-entity) subjects of policy instructions: 各地区, 各级人民政府, 有关部门 … */
const GENERIC_SUBJECT = /^(?:地方各级人民政府|各级(?:人民)?政府|各(?:省、自治区、直辖市|省区市|地区?|城市|有关部门|部门)|有关部门|相关部门|各类主体)\s*/;
/** A lead phrase that may span clauses (按照尊重意愿、自主选择，因地制宜、分步推进…的原则) and its head. */
/** Genres whose verb-initial headings prescribe (plans, opinions, notices, work reports). */
const POLICY_KINDS: ReadonlySet<string> = new Set(['policy', 'report']);
/** Sections of such texts that describe rather than prescribe (第一章 发展现状, 一、工作回顾). */
const DESCRIPTIVE_SECTION = /现状|成就|成效|回顾|进展|形势|背景|经验|问题|挑战|概况|情况/;
const LEAD_OPEN = /^(?:按照|遵循|本着|根据|依据|坚持)/;
/** Sections that report past practice (…取得的经验, 主要做法, 工作成效): no measures at all, even with 要. */
const PRACTICE_SECTION = /(?:取得|主要|基本|成功|实践)的?经验|做法|成效|成就|回顾|历程|进展/;
/** The kind noun that ends a document title (…实施方案, …的意见, …规划（2021—2035年）). */
const DOC_TITLE = /(?:方案|意见|规划|纲要|计划|办法|通知|措施|决定|条例|细则|批复|规定)\s*(?:[（(][^）)]*[）)])?$/;
/** Sections on what other countries did (发达国家…的实施路径, 国外城市群发展经验): descriptions. */
const OTHERS_PRACTICE = /发达国家|国外|外国|欧美|西方国家|国际经验/;
/** Technical exposition (必须建立…的运动方程, 需要求解…函数) is method, not a recommendation. */
const METHOD_SENTENCE = /方程|函数|变量|求解|约束条件|性能指标|目标泛函/;
/** Definitions and statements of purpose before a modal (…是指要…, 城镇化的目的是要…). */
const DEFINITION_BEFORE = /(?:是指|指的是|顾名思义|所谓|的(?:目的|目标|本质|实质|含义|内涵)(?:就|在于|便)?是)[^，,；;。]{0,6}$/;
/** Reported content: 某某提出…要… (the plan/person proposes); the author's own view (笔者认为) is not reported. */
const REPORTED_BEFORE = /(?<!的)(?:提出|指出|强调|表示|介绍|(?<!误)认为)(?![了的])[^。]*$/;
const OWN_VIEW = /笔者|作者|本文|本书|我们认为|本研究/;
/** An evaluative copula predicate (…，是…的关键/必要选择/重要途径): the verb phrases are its subject. */
const EVALUATIVE_COPULA = /(?:是|成为)[^，,；;。]{0,24}(?:关键|途径|前提|基础|保障|必然|选择|核心|根本|动力|原动力|目的|手段|源泉|条件|道路|要求|重要)|就是|无一不是/;
/** Other evaluative predicates of a verb-phrase subject (实施乡村振兴战略，事关…; 推进X，对Y具有重要意义). */
const EVALUATIVE_PREDICATE = /事关|关系到|关乎|(?:具有|有着)[^，,；;。]{0,10}意义|意义(?:重大|深远)/;
/** An example or case opening a sentence (- 案例：…, 例如，…): what was done somewhere. */
const EXAMPLE_OPEN = /^\s*(?:[-—•·]\s*)?(?:案例|例如|比如|譬如|典型案例)\s*[：:，,]/;
/** A verb phrase heading a meta noun (进一步加快推进小城市培育的思考, 全面建成小康社会的必要步骤之一): a noun phrase. */
const META_NOUN_END = /的(?:几点|若干|主要|重要|必要)?(?:思考|建议|对策|措施|途径|路径|思路|策略|启示|探讨|研究|分析|问题|步骤|意义|作用|必要性|重要性|关键|方向)(?:之一)?[。；;]?\s*$/;
/** 以X促Y (以改革促发展, 以功能协同促发展): a slogan-style imperative. */
const YI_CU = /^以[^，,；;。]{2,12}促[^，,；;。]{1,8}$/;
/** A list item of a 以下几个结合 list (经营城镇与优化发展环境相结合。): an imperative without a verb up front. */
const XIANG_JIEHE = /^[^，,；;。]{2,16}[与和同][^，,；;。]{2,16}相结合$/;
/** The procedural instruction of an approval (…按规定程序报批。). */
const PROCEDURE = /按(?:照)?(?:规定|有关|法定)?程序(?:报批|报送|审批|办理|报告)/;
/** Reporting verbs: a verb-initial clause after them is the reported view, not the text's own. */
const REPORTING = /认为|指出|表示|强调|提出|介绍/;
const LEAD_HEAD = /(?:原则|要求|精神|部署|方针|思路|理念|目标|规定|方向|导向|标准)$/;
/** Problem statements (有待完善, 亟待解决, 构建X面临三大问题): not measures (guidelines). */
const PROBLEM = /有待|亟待|尚待|面临[^，,；;。]{0,10}(?:问题|困难|挑战|困境|障碍|难题|瓶颈)/;
/** Lead-ins of a document's operative part (现提出如下意见。, 制定若干措施如下。, 现批复如下:, 为贯彻…，结合
 * 实际，制定本实施方案。, 特编制《…规划》。). */
const LEAD_IN = /如下[^，,；;。]{0,4}[。:：]?\s*$|(?:制定|编制|出台|印发)(?:本|了本)[^，,；;。]{0,8}(?:方案|意见|规划|办法|措施|细则|计划|纲要)。?\s*$|特(?:制定|编制)《[^》]+》。?\s*$/;
/** The request of a covering notice or approval (请认真贯彻实施, 请认真组织实施); not 请示/请求. */
const PLEASE = /^\s*请(?![示求假教问柬])/;
/** A published document's content reported in the past (…发布《规划》…，明确了…，要…). */
const PUBLISHED_BEFORE = /(?:发布|印发|出台|颁布|下发)[^。]*了/;
/** News: a reporting or publishing verb before the modal (蔡继明认为，…要…; 《通知》提到，今年要…;
 * 根据发改委发布的《…》，…要…): the modal belongs to the reported content. */
const NEWS_REPORTING = /表示|指出|认为|强调|提出|介绍|提到|(?<![按照根据遵循落实符合的])要求|明确|透露|(?<![简号统俗又堪])称|(?<![可以再来话就是也应该据听])说(?![明服])|发布|印发|出台|部署|公布/;
/** News: a reporting verb introducing words (陈亚军指出，…; 强调“…”), what a following sentence may go on with. */
const NEWS_SPEECH = /(?:表示|指出|认为|强调|提出|介绍|提到|要求|明确|透露|称|说)\s*[，,：:“"]/;
/** A modal word, also where it governs no listed verb (未来深圳要成为…), but not inside 要素/需求/应用. */
const LOOSE_MODAL = /(?<![重主只纲必摘需想将快首扼紧显次机提简概政不])要(?![求素点么是件务害闻领道职塞旨诀冲紧案想])|(?<![适相对响效供反呼回顺答感照报策承内理])应(?![用对急届变聘邀收付运验酬征试声])|需(?![求])|必须|不能/;
/** News: the writer's own conclusion (因此，需要推动…), not a continuation of reported words. */
const NEWS_OWN_VOICE = /^\s*(?:因此|所以|为此|可见|总之|综上|由此可见|记者认为|笔者认为)/;
/** Aspect right before a modal (已经不能再等): a description, not a prescription. */
const ASPECT_BEFORE = /(?:已经|业已|早已|已)\s*$/;
/** The gap between an owner and a modal when the subject is the owner's process (我国新型城镇化建设必须…,
 * 城市群的发展要…, X地区新型城镇化和农业现代化还需要…); □ stands for a mention. */
const OWNER_GAP = /^的?(?:□(?:[和与、及]□)*)?(?:的?(?:发展|建设))?(?:还|也|更|都|则|就|亦|均|尤其)*$/;
/** A subject clause carried over to the modal's clause: X作为…，应…; X在…中，要…. */
const TOPIC_CLAUSE = /^\s*(?:作为|在)/;
/** What may open the modal's clause after such a topic clause (宏观上需要…, 同时要…). */
const TOPIC_LEAD = /^(?:[\u4e00-\u9fff]{1,3}上|同时|首先|还|也|更|则|就|都)?\s*$/;
const LEAD_CLAUSE = /^(?:遵循|本着|以|围绕|按照|根据|依据|通过|针对|面对|面向|结合|着眼|立足于|基于|在|为了|为|依靠|凭借|从[^，,；;]{1,12}出发)/;


/** A heading: matches its section's heading, or a line without terminal punctuation that is short or enumerated. */
function headingLike(s: Sentence, sec: Section | undefined): boolean {
  const t = s.text.trim();
  if (sec?.heading && norm(sec.heading) === norm(t)) return true;
  if (/[。！？；!?;…]$/.test(t)) return false;
  return ENUM.test(t) || t.length <= 30;
}

/** A multi-level section number (5.4.2): group 1. */
const DECIMAL_NUMBER = /^\s*(?:#\s*)?(\d{1,2}(?:[.．]\d{1,2}){1,3})(?![\d.．])/;

function norm(s: string): string {
  return s.replace(/[\s　^{}\d①-⑳]/g, '');
}

function sectionContext(doc: SegmentedDoc, s: Sentence, sectionIndex?: Map<number, number>): { sec: Section | undefined; headings: string[] } {
  const idx = sectionIndex ? sectionIndex.get(s.section) ?? -1 : doc.sections.findIndex((x) => x.ordinal === s.section);
  const sec = idx >= 0 ? doc.sections[idx] : undefined;
  const headings: string[] = [];
  if (!sec) return { sec, headings };
  if (sec.heading) headings.push(sec.heading);
  let level = sec.level;
  for (let j = idx - 1; j >= 0 && level > 1; j--) {
    const p = doc.sections[j];
    if (p.level < level) {
      if (p.heading && p.heading !== doc.meta.title) headings.push(p.heading);
      level = p.level;
    }
  }
  // 5.1 … under 5 对策建议 when both were given the same level: the number says whose child it is
  let num = DECIMAL_NUMBER.exec(sec.heading ?? '')?.[1];
  for (let j = idx - 1; j >= 0 && num; j--) {
    const parent = num.replace(/[.．]\d+$/, '');
    const h = doc.sections[j].heading ?? '';
    const n = DECIMAL_NUMBER.exec(h)?.[1] ?? /^\s*(?:#\s*)?(\d{1,2})(?![\d.．])/.exec(h)?.[1];
    if (n !== parent) continue;
    if (!headings.includes(h)) headings.push(h);
    num = DECIMAL_NUMBER.exec(h)?.[1];
  }
  return { sec, headings };
}

interface Cue {
  word: string;
  modality: Modality;
  /** offset in the sentence text */
  at: number;
  actor: string | null;
}

function startsWithAny(text: string, at: number, words: string[]): string | null {
  for (const w of words) if (text.startsWith(w, at)) return w;
  return null;
}

/** A verb from `words` somewhere in text[from, to), not used as a noun (的X / X的). */
function hasVerb(text: string, from: number, to: number, words: string[]): boolean {
  for (let i = from; i < to; i++) {
    const w = startsWithAny(text, i, words);
    if (!w || i + w.length > to) continue;
    if (w.length > 1 && (text[i + w.length] === '的' || text[i - 1] === '的')) continue;
    if (w.length === 1 && i !== from && !/^[把将使让]$/.test(w)) continue;
    if (w === '有' && /^[的尽所]/.test(text[i + 1] ?? '')) continue;
    return true;
  }
  return false;
}

/** text[at, to) opens, after adverbs (全面, 进一步, 切实 …), with an imperative action verb. */
function actionAfterAdverbs(text: string, at: number, to: number): boolean {
  let i = at;
  for (let k = 0; k < 3; k++) {
    const v = startsWithAny(text, i, cues().actions);
    if (v) return i + v.length <= to && text[i + v.length] !== '的';
    const adv = ADVERB.exec(text.slice(i, to))?.[0];
    if (!adv) return false;
    i += adv.length;
    if (text[i] === '地') i++;
  }
  return false;
}

function guarded(text: string, i: number, word: string): boolean {
  const g = GUARD[word];
  if (!g) return false;
  if (g.before && i > 0 && g.before.includes(text[i - 1])) return true;
  const next = text[i + word.length] ?? '';
  if (g.after && next && g.after.includes(next)) return true;
  return false;
}

type Ents = Map<string, Entity>;

function isAgent(m: Mention, ents: Ents): boolean {
  if (m.type === 'PLACE' || m.type === 'ORGANIZATION') return true;
  const name = ents.get(m.entity)?.name ?? '';
  return m.type === 'CONCEPT' && (AGENT_CONCEPT.test(m.surface) || AGENT_CONCEPT.test(name));
}

/** `text` with the spans of `ms` inside [from, to) replaced by □ (whitespace dropped). */
function masked(s: Sentence, ms: Mention[], from: number, to: number): string {
  let g = '';
  let i = from;
  for (const m of ms) {
    const a0 = m.start - s.start;
    const b0 = m.end - s.start;
    if (a0 < i || b0 > to) continue;
    g += s.text.slice(i, a0) + '□';
    i = b0;
  }
  return (g + s.text.slice(i, to)).replace(/\s+/g, '');
}

/** The imperative action verb (measure-cues.tsv, kind action) starting at `text[at]`, or null. */
export function actionVerbAt(text: string, at: number): string | null {
  return startsWithAny(text, at, cues().actions);
}

/** Any verb of measure-cues.tsv (action or verb) starting at `text[at]`, or null. */
export function verbAt(text: string, at: number): string | null {
  return startsWithAny(text, at, allVerbsOf(cues()));
}

/** A multi-character action verb or verb in `t` (打造城市群…, 加快小城市发展…: what follows is an object). */
function hasLongVerb(t: string): boolean {
  const words = allVerbsOf(cues());
  for (let i = 0; i < t.length; i++) {
    const w = startsWithAny(t, i, words);
    if (w && w.length > 1) return true;
  }
  return false;
}

/** The actor mention right before sentence offset `at` inside clause [a, at). */
function actorBefore(s: Sentence, ms: Mention[], a: number, at: number, ents: Ents): Mention | null {
  let best: Mention | null = null;
  for (const m of ms) {
    const ms0 = m.start - s.start;
    const me = m.end - s.start;
    if (ms0 < a || me > at || !isAgent(m, ents)) continue;
    const gap = s.text.slice(me, at);
    // 城市群各市产业发展要…: with a process word in between, the subject is that process
    const near = gap.length <= 6 && !/[的在对把将与和及、向从为被]|发展|建设|改革|工作/.test(gap);
    if (!near && !OWNER_GAP.test(masked(s, ms, me, at))) continue;
    if (!best || m.start > best.start) best = m;
  }
  if (!best) return null;
  const b0 = best.start - s.start;
  const before = s.text.slice(a, b0);
  // 湛江、钦州、防城港、海口等要…, 吉林、黑龙江省人民政府要…: a list of subjects gives no single actor
  if (/[、和与及]\s*$/.test(before) && ms.some((m) => m !== best && m.end - s.start <= b0 && isAgent(m, ents) && /^\s*[、和与及]\s*$/.test(s.text.slice(m.end - s.start, b0)))) return null;
  if (/^\s*等/.test(s.text.slice(best.end - s.start, at))) return null;
  // 打造城市群需…, 加快小城市发展需要…: a mention after a verb is its object, not the subject
  if (hasLongVerb(before.replace(ENUM, '').replace(CONNECTIVE, ''))) return null;
  return best;
}

/**
 * 中国作为一个新兴的发展中国家，应当…; 城市群在具体发展中，要…: the agent opening the sentence in a
 * clause without a predicate of its own (作为…/在…中) is the subject of the modal opening the next clause.
 */
function topicActor(s: Sentence, ms: Mention[], a: number, at: number, ents: Ents): Mention | null {
  if (a === 0 || !TOPIC_LEAD.test(s.text.slice(a, at))) return null;
  const [pa] = clauseBounds(s.text, a - 2);
  if (pa !== 0 || !/[，,]/.test(s.text[a - 1] ?? '')) return null;
  // 说明西北地区在实施…的过程中，应…: an abstract's inference opener does not change the subject
  const open = s.text.slice(0, a - 1).replace(ENUM, '').replace(CONNECTIVE, '').replace(/^(?:这)?(?:说明|表明)/, '');
  const off = a - 1 - open.length;
  const m = ms.find((x) => x.start - s.start === off && isAgent(x, ents));
  if (!m || !TOPIC_CLAUSE.test(s.text.slice(m.end - s.start, a - 1))) return null;
  return m;
}

/** `mentions` of sentence `s` (`ofSentence`: the mentions whose sentence is s.ordinal, in list order), by start. */
function sentenceMentions(s: Sentence, ofSentence: readonly Mention[]): Mention[] {
  return ofSentence
    .filter((m) => m.sentence === s.ordinal && m.start >= s.start && m.end <= s.end)
    .sort((x, y) => x.start - y.start);
}

/** actions + verbs, longest first (stable), computed once per cue list */
let allVerbsCache: { of: CueLists; verbs: string[] } | null = null;
function allVerbsOf(l: CueLists): string[] {
  if (allVerbsCache?.of !== l) allVerbsCache = { of: l, verbs: [...l.actions, ...l.verbs].sort((a, b) => b.length - a.length) };
  return allVerbsCache.verbs;
}

/** modal cues grouped by first character, each group in list order (longest first); null if a cue is empty */
let modalIndex: { of: CueLists['modals']; by: Map<string, CueLists['modals']> | null } | null = null;
function modalsByFirst(modals: CueLists['modals']): Map<string, CueLists['modals']> | null {
  if (modalIndex?.of !== modals) {
    let by: Map<string, CueLists['modals']> | null = new Map();
    for (const m of modals) {
      if (!m.word) {
        by = null;
        break;
      }
      const list = by.get(m.word[0]!);
      if (list) list.push(m);
      else by.set(m.word[0]!, [m]);
    }
    modalIndex = { of: modals, by };
  }
  return modalIndex.by;
}

function findModalCues(s: Sentence, ms: Mention[], ents: Ents): Cue[] {
  const { modals, negverbs } = cues();
  const allVerbs = allVerbsOf(cues());
  const byFirst = modalsByFirst(modals);
  const text = s.text;
  const out: Cue[] = [];
  for (let i = 0; i < text.length; i++) {
    const hit = byFirst
      ? byFirst.get(text[i]!)?.find((m) => text.startsWith(m.word, i))
      : modals.find((m) => text.startsWith(m.word, i));
    if (!hit) continue;
    const w = hit.word;
    const end = i + w.length;
    if (guarded(text, i, w)) continue;
    // 应对 = "respond to" before 挑战/风险 …
    if (w === '应' && text[end] === '对' && /^[^，,。；;]*?(挑战|风险|危机|冲击|变化)/.test(text.slice(end))) continue;
    if (DISCOURSE_AFTER.test(text.slice(end))) {
      i = end - 1;
      continue;
    }
    const [a, b0] = clauseBounds(text, i);
    // 可以根据自身实际情况，以…，对接… : a prepositional clause carries on into the next one
    let b = b0;
    for (let k = 0; k < 2 && PREP_START.test(text.slice(end, b)) && !hasVerb(text, end, b, allVerbs); k++) {
      if (!/[，,]/.test(text[b] ?? '')) break;
      b = clauseBounds(text, b + 1)[1];
    }
    if (ASPECT.test(text.slice(end)) || CONDITIONAL.test(text.slice(a, i)) || ASPECT_BEFORE.test(text.slice(a, i))) {
      i = end - 1;
      continue;
    }
    // …是指要…, 目的是要…; 60%要…; 需要集聚到…时(，才能…); 还可以 (a capability); 提出…要… (reported)
    if (
      DEFINITION_BEFORE.test(text.slice(a, i)) ||
      /[\d%％]\s*$/.test(text.slice(a, i)) ||
      /时$/.test(text.slice(end, b0)) ||
      (w === '可以' && /(?:还|也|完全)$/.test(text.slice(a, i))) ||
      ((REPORTED_BEFORE.test(text.slice(0, i)) || PUBLISHED_BEFORE.test(text.slice(0, i))) && !OWN_VIEW.test(text.slice(0, i)))
    ) {
      i = end - 1;
      continue;
    }
    // 要使…，…是至关重要的: a purpose clause, not a prescription
    if (w === '要' && /^[使让]/.test(text.slice(end)) && EVALUATIVE_COPULA.test(text.slice(b0))) {
      i = end - 1;
      continue;
    }
    const prohibition = /^(不|切忌|严禁)/.test(w);
    let ok: boolean;
    if (prohibition) {
      // 不能 is also "cannot" (不能有效地转化): only a prohibition when a verb or 仅/只/一味 follows at once
      const r = text.slice(end, b);
      const p = PROHIBITION_OK.exec(r)?.[0] ?? '';
      ok = !!p || !!startsWithAny(r, p.length, [...negverbs, ...allVerbs.filter((v) => v !== '有')]);
    } else {
      ok = hasVerb(text, end, b, allVerbs);
      // 需要决策层引起重视，并及时加以解决; 产业发展要分层，完善产业集群…: the modal also governs
      // a clause joined by 并/同时, or the next clause after a one-word predicate
      if (!ok && /[，,]/.test(text[b] ?? '')) {
        const [na, nb] = clauseBounds(text, b + 1);
        const lead = /^(?:并且?|同时|还要?|也要?)/.exec(text.slice(na, nb))?.[0] ?? '';
        if (lead) ok = hasVerb(text, na + lead.length, nb, allVerbs);
        else if (b - end <= 4) ok = !!startsWithAny(text, na, cues().actions);
        // 我们要认真学习领会，全面贯彻落实…: a short first predicate, then an imperative clause
        else if (b - end <= 10) ok = actionAfterAdverbs(text, na, nb);
      }
    }
    if (!ok) {
      i = end - 1;
      continue;
    }
    const actor = actorBefore(s, ms, a, i, ents) ?? topicActor(s, ms, a, i, ents);
    if (w === '可以' && !actor) {
      i = end - 1;
      continue;
    }
    out.push({ word: w, modality: hit.modality, at: i, actor: actor?.entity ?? null });
    i = end - 1;
  }
  return out;
}

/**
 * Verb-initial clause at `from`: skips enumerators, connectives, an actor mention and adverbs.
 * Returns the cue (verb) and actor, or null.
 */
function verbInitial(s: Sentence, ms: Mention[], from: number, to: number, ents: Ents): Cue | null {
  const { actions } = cues();
  const text = s.text;
  let i = from;
  const skip = (re: RegExp) => {
    const m = re.exec(text.slice(i, to));
    if (m && m[0].length) {
      i += m[0].length;
      return true;
    }
    return false;
  };
  for (let k = 0; k < 4 && (skip(ENUM) || skip(CONNECTIVE) || skip(/^\s+/)); k++);
  let actor: Mention | null = null;
  const lead = ms.find((m) => m.start - s.start === i && isAgent(m, ents));
  if (lead) {
    actor = lead;
    i = lead.end - s.start;
    skip(/^(?:地区|政府|各级政府|部门)?\s*[：:]?/);
  } else skip(GENERIC_SUBJECT);
  for (let k = 0; k < 4; k++) {
    const v = startsWithAny(text, i, actions);
    if (v) {
      // 加快 etc. are both adverbial and verbs; prefer the verb reading unless another action follows
      const after = i + v.length;
      if (text[after] === '的' || text[after] === '了' || NOMINAL_START.test(text.slice(i))) return null;
      return { word: v, modality: 'action', at: i, actor: actor?.entity ?? null };
    }
    if (!skip(ADVERB)) break;
    skip(/^地/);
  }
  return null;
}

/** 现印发给你们,请认真贯彻实施。: a clause opening with 请 and a verb. */
function pleaseCue(s: Sentence): Cue | null {
  for (const [a, b] of clauses(s.text)) {
    const t = s.text.slice(a, b);
    if (!PLEASE.test(t) || ASPECT.test(t)) continue;
    const at = a + t.indexOf('请');
    // 请结合实际，认真组织实施: the request runs on into the clauses after it, up to the stop
    const end = s.text.slice(b).search(/[。！？!?；;]/);
    const rest = s.text.slice(a, end < 0 ? s.text.length : b + end);
    if (hasVerb(s.text, at + 1, b, allVerbsOf(cues())) || hasLongVerb(rest)) return { word: '请', modality: 'action', at, actor: null };
  }
  return null;
}

function clauses(text: string): [number, number][] {
  const out: [number, number][] = [];
  let a = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || CLAUSE_PUNCT.test(text[i])) {
      if (i > a) out.push([a, i]);
      a = i + 1;
    }
  }
  return out;
}

/**
 * `tasks`: a plan or policy text outside its descriptive sections, whose task sentences carry dates and
 * targets (编制2017—2021年…规划, 开工建设地下综合管廊100公里以上) without reporting anything.
 */
function verbInitialSentence(s: Sentence, ms: Mention[], anyClause: boolean, ents: Ents, tasks = false): Cue | null {
  const cl = clauses(s.text);
  if (!cl.length) return null;
  if (cl.length === 1 && YI_CU.test(s.text.slice(cl[0][0], cl[0][1]).trim())) {
    return { word: '促', modality: 'action', at: cl[0][0], actor: null };
  }
  if (cl.length === 1 && XIANG_JIEHE.test(s.text.slice(cl[0][0], cl[0][1]).replace(ENUM, '').trim())) {
    return { word: '相结合', modality: 'action', at: s.text.indexOf('相结合'), actor: null };
  }
  if (EVALUATIVE_COPULA.test(s.text) || EVALUATIVE_PREDICATE.test(s.text) || META_NOUN_END.test(s.text)) return null;
  if (anyClause) {
    // a case told in a countermeasure section (案例：吴兴区依托…，大力发展…，形成了…): a report
    if (EXAMPLE_OPEN.test(s.text) || ASPECT.test(s.text)) return null;
    for (const [a, b] of cl) {
      if (ASPECT.test(s.text.slice(a, b)) || PROBLEM.test(s.text.slice(a, b))) continue;
      if (REPORTING.test(s.text.slice(0, a))) break;
      const c = verbInitial(s, ms, a, b, ents);
      if (c) return c;
    }
    return null;
  }
  if (COPULA.test(s.text) || /正在|已经|截至|截止/.test(s.text) || ASPECT.test(s.text) || REPORTED_FACTS.test(s.text) || PROBLEM.test(s.text)) return null;
  if (!tasks && FIGURES.test(s.text)) return null;
  // optional leading 以…为…/根据…/围绕… clauses, then a verb-initial clause; a 按照/遵循… phrase
  // may run over several comma-separated clauses up to its head (…的原则, …的要求)
  let open = false;
  let leads = 0;
  for (let k = 0; k < cl.length && leads < 3; k++) {
    const [a, b] = cl[k];
    const clause = s.text.slice(a, b);
    // a verb-initial clause ends an open lead phrase too (从各地实际出发,遵循客观规律,挖掘…,提倡…)
    const c = verbInitial(s, ms, a, b, ents);
    if (c) return ASPECT.test(clause) ? null : c;
    const head = clause.replace(ENUM, '').replace(CONNECTIVE, '');
    if (open) {
      if (LEAD_HEAD.test(clause)) open = false;
      else if (k > 8) return null;
      continue;
    }
    if (!LEAD_CLAUSE.test(head) && !(k === 0 && CONNECTIVE.test(s.text.slice(a)))) return null;
    leads++;
    if (LEAD_OPEN.test(head) && !LEAD_HEAD.test(clause) && s.text[b] !== '：' && s.text[b] !== ':') open = true;
  }
  return null;
}

/** Inside an open quotation: more “ than ” from the start of the sentence's paragraph line up to `at`. */
function inQuotation(doc: SegmentedDoc, at: number): boolean {
  const lineStart = doc.text.lastIndexOf('\n', at - 1) + 1;
  const before = doc.text.slice(lineStart, at);
  return (before.match(/“/g)?.length ?? 0) > (before.match(/”/g)?.length ?? 0);
}

/**
 * News: which sentences' modal cues belong to reported content — a reporting verb before the first
 * cue, a quotation, or a sentence going on from the one before it (same section) when that one reports
 * or was itself reported (陈亚军指出，… | 个别的超大城市还是要…), unless the writer concludes (因此，…).
 */
function reportedInNews(doc: SegmentedDoc, modal: Map<number, Cue[]>): Set<number> {
  const out = new Set<number>();
  let prevReports = false;
  let prevSection = -1;
  for (const s of doc.sentences) {
    const found = modal.get(s.ordinal) ?? [];
    const quoted = /^\s*[“"]/.test(s.text);
    const carried: boolean = prevReports && s.section === prevSection && !NEWS_OWN_VOICE.test(s.text);
    if (found.length) {
      const first = Math.min(...found.map((c) => c.at));
      if (NEWS_REPORTING.test(s.text.slice(0, first)) || quoted || inQuotation(doc, s.start + first) || carried) out.add(s.ordinal);
    }
    // a reported sentence with a modal that is no cue here (未来深圳要成为…) carries the report on too
    prevReports = out.has(s.ordinal) || quoted || NEWS_SPEECH.test(s.text) || (carried && LOOSE_MODAL.test(s.text));
    prevSection = s.section;
  }
  return out;
}

/**
 * `bySentence` (optional): `bySentence(mentions)` (match.ts) when the caller already built it; it
 * must group the same `mentions`.
 */
export function extractMeasures(
  doc: SegmentedDoc, mentions: Mention[], entities: Map<string, Entity>, bySentence?: Map<number, Mention[]>,
): Measure[] {
  const { sections } = cues();
  const notes = [...doc.referenceLines, ...doc.footnotes];
  const out: Measure[] = [];
  const policyGenre = POLICY_KINDS.has(doc.meta.kind);
  // news reports relay policy content and officials' words in imperative form (深化户籍制度改革，…):
  // without a modal only the slogan forms (以X促Y, A与B相结合) are the paper's own prescriptions
  const newsGenre = doc.meta.kind === 'newspaper-article';
  const grouped = bySentence ?? groupBySentence(mentions);
  // section ordinal → index of its first section (what findIndex by ordinal returns)
  const sectionIndex = new Map<number, number>();
  doc.sections.forEach((x, i) => {
    if (!sectionIndex.has(x.ordinal)) sectionIndex.set(x.ordinal, i);
  });
  const overlapsNote = overlapTest(notes);
  // modal cues of every sentence, and per section how many body sentences carry one: an enumerated
  // verb-initial heading over a prescriptive body (一、强化区域优势，… followed by 首先，要…) titles a task
  const modal = new Map<number, Cue[]>();
  const prescriptive = new Map<number, number>();
  for (const s of doc.sentences) {
    const c = findModalCues(s, sentenceMentions(s, grouped.get(s.ordinal) ?? []), entities);
    modal.set(s.ordinal, c);
    const sec = doc.sections[sectionIndex.get(s.section) ?? -1];
    if (c.length && sec?.heading && norm(sec.heading) !== norm(s.text) && !overlapsNote(s.start, s.end)) {
      prescriptive.set(s.section, (prescriptive.get(s.section) ?? 0) + 1);
    }
  }
  const hits: { s: Sentence; ms: Mention[]; found: Cue[] }[] = [];
  const newsReported = newsGenre ? reportedInNews(doc, modal) : new Set<number>();
  for (const s of doc.sentences) {
    const text = s.text.trim();
    if (!text) continue;
    if (/[？?]\s*$/.test(text) || /[吗呢][？?。]?$/.test(text)) continue;
    if (/^\|.*\|$/.test(text) || overlapsNote(s.start, s.end)) continue;
    if (DESCRIPTIVE_SENTENCE.test(text) || METHOD_SENTENCE.test(text) || LEAD_IN.test(text)) continue;
    const ms = sentenceMentions(s, grouped.get(s.ordinal) ?? []);
    const { sec, headings } = sectionContext(doc, s, sectionIndex);
    const isHeading = headingLike(s, sec);
    // 发达国家乡村振兴的实施路径: a section on others' practice describes (its verb-initial clauses are
    // reports), whatever its heading word; its own modal sentences still count
    const inCounterSection = headings.some((h) => !OTHERS_PRACTICE.test(h) && sections.some((w) => h.includes(w)));
    if (!inCounterSection && headings.some((h) => PRACTICE_SECTION.test(h))) continue;
    // a document's title line (湖南省深入推进…实施方案, 关于加快…的意见): a name, not a task
    if (isHeading && !ENUM.test(text) && DOC_TITLE.test(text) && (/关于/.test(text) || ms.some((m) => m.start === s.start && (m.type === 'PLACE' || m.type === 'ORGANIZATION')))) continue;

    let found: Cue[] = [...(modal.get(s.ordinal) ?? [])];
    // news relay what officials, experts and documents said: a modal after a reporting verb, inside a
    // quotation, or in a sentence that goes on from a reported one (陈亚军指出，… | 个别的超大城市还是要…)
    if (newsReported.has(s.ordinal)) found = [];
    if (!found.length) {
      // a covering notice's request and an approval's procedural instruction (plans and policy texts)
      const proc = policyGenre ? PROCEDURE.exec(s.text) : null;
      let c: Cue | null = (policyGenre ? pleaseCue(s) : null) ?? (proc ? { word: proc[0], modality: 'action', at: proc.index, actor: null } : null);
      if (c) {
        found.push(c);
        hits.push({ s, ms, found });
        continue;
      }
      if (isHeading) {
        // own heading text is not context for itself unless a parent section is a countermeasure one
        const parentCounter = headings
          .filter((h) => norm(h) !== norm(text))
          .some((h) => !OTHERS_PRACTICE.test(h) && sections.some((w) => h.includes(w)));
        const ownBody = !!sec?.heading && norm(sec.heading) === norm(text) && ENUM.test(text) && (prescriptive.get(s.section) ?? 0) >= 1;
        if (parentCounter || ownBody) c = verbInitialSentence(s, ms, true, entities);
        // plans and policy texts title their tasks with verb phrases (第三节 推进农业转移人口市民化)
        else if (policyGenre && !headings.some((h) => DESCRIPTIVE_SECTION.test(h)) && !ASPECT.test(text)) {
          c = verbInitialSentence(s, ms, false, entities);
        }
      } else {
        const tasks = policyGenre && !headings.some((h) => DESCRIPTIVE_SECTION.test(h));
        c = verbInitialSentence(s, ms, false, entities, tasks) ?? (inCounterSection ? verbInitialSentence(s, ms, true, entities) : null);
        if (c && newsGenre && !inCounterSection && c.word !== '促' && c.word !== '相结合') c = null;
      }
      // 泸州加快…, 中央出台文件…: in papers and news a named place or body followed by a verb
      // reports what it does; only plans and policy texts instruct them without a modal
      if (c && c.actor && !policyGenre && !inCounterSection && ms.some((m) => m.entity === c!.actor && (m.type === 'PLACE' || m.type === 'ORGANIZATION'))) c = null;
      if (c) found.push(c);
    }
    if (!found.length) continue;
    hits.push({ s, ms, found });
  }

  // The pipeline ends a sentence at ；after a long clause (一是…；二是…), but a measure is a sentence
  // up to 。！？: the ；-pieces of one such sentence make one measure, whichever piece has the cue.
  const continues = (prev: Sentence | undefined, next: Sentence): boolean =>
    !!prev && /[；;]\s*$/.test(prev.text) && next.ordinal === prev.ordinal + 1 && next.section === prev.section;
  const groupOf = new Map<number, number>();
  for (let i = 0; i < doc.sentences.length; i++) {
    const s = doc.sentences[i];
    groupOf.set(s.ordinal, continues(doc.sentences[i - 1], s) ? groupOf.get(doc.sentences[i - 1].ordinal)! : s.ordinal);
  }
  const byOrdinal = new Map(doc.sentences.map((s, i) => [s.ordinal, i]));
  for (let h = 0; h < hits.length; ) {
    const g = groupOf.get(hits[h].s.ordinal)!;
    const part = [hits[h++]];
    while (h < hits.length && groupOf.get(hits[h].s.ordinal) === g) part.push(hits[h++]);
    // every piece of the group (also those without a cue) for span and targets
    const pieces: Sentence[] = [];
    for (let i = byOrdinal.get(g)!; i < doc.sentences.length && groupOf.get(doc.sentences[i].ordinal) === g; i++) pieces.push(doc.sentences[i]);
    const found = part.flatMap((x) => x.found);
    let best = found[0];
    for (const c of found) if (STRENGTH[c.modality] > STRENGTH[best.modality]) best = c;
    const actor = best.actor;
    // targets: every entity mentioned in the sentence except the actor (mechanical, in text order)
    const targets: string[] = [];
    for (const piece of pieces) {
      const ms = piece === part[0].s ? part[0].ms : sentenceMentions(piece, grouped.get(piece.ordinal) ?? []);
      for (const m of ms) {
        if (!TARGET_TYPES.has(m.type) || m.entity === actor || targets.includes(m.entity)) continue;
        targets.push(m.entity);
      }
    }
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    out.push({
      sentence: part[0].s.ordinal,
      start: pieces.length > 1 ? first.start : part[0].s.start,
      end: pieces.length > 1 ? last.end : part[0].s.end,
      text: pieces.length > 1 ? doc.text.slice(first.start, last.end) : part[0].s.text,
      modality: best.modality,
      targets,
      actor,
      cue: best.word,
    });
  }
  return out;
}
