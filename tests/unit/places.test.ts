import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../helpers/make-doc.js';
import { CORPUS, corpus } from '../helpers/corpus.js';
import { clusterMembers, extractPlaces, nameVariants, placeHierarchy } from '../../ingest/extract/places.js';
import { getGazetteer, shortName } from '../../ingest/extract/gazetteer.js';
import type { Candidate } from '../../ingest/extract/candidate.js';

// Sentences are copied from corpus/*.txt. Where the PDF extraction broke a sentence across lines
// (the Zhejiang paper), the lines are joined the way the normalize stage joins them.

function places(text: string): Candidate[] {
  return extractPlaces(makeDoc(text)).candidates;
}

function bySurface(cands: Candidate[], surface: string): Candidate {
  const c = cands.find((x) => x.surface === surface);
  if (!c) throw new Error(`no candidate for ${surface}; got ${cands.map((x) => x.surface).join(', ')}`);
  return c;
}

describe('gazetteer', () => {
  it('has every level, with 6-digit codes and parents', () => {
    const g = getGazetteer();
    expect(g.counts.province).toBe(34); // 31 + 香港, 澳门, 台湾
    expect(g.counts.prefecture).toBeGreaterThan(330);
    expect(g.counts.county + g.counts.district).toBeGreaterThan(2900);
    expect(g.counts.town).toBeGreaterThan(30000);
    const qinzhou = g.byName.get('钦州市')!;
    expect(qinzhou).toHaveLength(1);
    expect(qinzhou[0]).toMatchObject({ code: '450700', level: 'prefecture', parent: '450000', short: '钦州' });
    expect(g.byName.get('市辖区')).toBeUndefined(); // pseudo-prefectures are skipped
    expect(g.byId.get('110101')!.parent).toBe('110000'); // 东城区 hangs under 北京市 directly
  });

  it('derives short names, never one character long', () => {
    expect(shortName('广西壮族自治区', 'province')).toBe('广西');
    expect(shortName('内蒙古自治区', 'province')).toBe('内蒙古');
    expect(shortName('西藏自治区', 'province')).toBe('西藏');
    expect(shortName('浙江省', 'province')).toBe('浙江');
    expect(shortName('香港特别行政区', 'province')).toBe('香港');
    expect(shortName('钦州市', 'prefecture')).toBe('钦州');
    expect(shortName('黔东南苗族侗族自治州', 'prefecture')).toBe('黔东南');
    expect(shortName('昌江黎族自治县', 'county')).toBe('昌江');
    expect(shortName('苍南县', 'county')).toBe('苍南');
    expect(shortName('龙港镇', 'town')).toBe('龙港');
    expect(shortName('城区', 'district')).toBeNull();
    expect(shortName('和县', 'county')).toBeNull();
  });
});

describe('extractPlaces', () => {
  it('resolves 钦州 to 钦州市 (450700) under 广西壮族自治区', () => {
    const s = '取消经济区南宁、北海、钦州、防城港、崇左 5 市的移动电话通话漫游费和长途费，话费总支出减少 4 亿元以上。';
    const doc = makeDoc(s);
    const cands = extractPlaces(doc).candidates;
    const qz = bySurface(cands, '钦州');
    expect(qz).toMatchObject({ type: 'PLACE', name: '钦州市', code: '450700', level: 'prefecture', partOf: 'place:450000', priority: 2 });
    expect(qz.aliases).toContain('钦州');
    expect(doc.text.slice(qz.start, qz.end)).toBe('钦州');
    expect(cands.map((c) => c.name)).toEqual(['南宁市', '北海市', '钦州市', '防城港市', '崇左市']);
    const up = placeHierarchy('place:450700');
    expect(up.map((p) => p.name)).toEqual(['广西壮族自治区', '中国']);
    expect(up[0]).toMatchObject({ key: 'place:450000', level: 'province', code: '450000' });
  });

  it('gives 北部湾城市群 and 广西北部湾城市群 one key', () => {
    const s = '广西北部湾城市群是中国与东盟之间唯一既有陆地接壤又有海上通道的经济板块，由国务院批复的《北部湾城市群发展规划》（以下简称《规划》）已于 2017 年 2 月 10 日由国家发展改革委、住房和城乡建设部联合印发，北部湾城市群发展是重大国家战略，包括桂粤琼三省（区）的 22 座城市，为桂粤琼地区尤其是广西发展指明了方向，创造了机会。';
    const cands = places(s);
    const clusters = cands.filter((c) => c.level === 'cluster');
    expect(clusters.map((c) => c.surface)).toEqual(['广西北部湾城市群', '北部湾城市群', '北部湾城市群']);
    expect(new Set(clusters.map((c) => c.name))).toEqual(new Set(['北部湾城市群']));
    expect(clusters[0].aliases).toContain('广西北部湾城市群');
    expect(bySurface(cands, '中国')).toMatchObject({ name: '中国', level: 'country' });
    expect(bySurface(cands, '东盟')).toMatchObject({ level: 'foreign' });
    expect(bySurface(cands, '广西')).toMatchObject({ name: '广西壮族自治区', code: '450000' });
  });

  it('splits 苍南县龙港镇 into a town PART_OF 苍南县 PART_OF 温州市', () => {
    // lines 191 and 193 of the Zhejiang paper, joined
    const s = '其余八个镇是苍南县龙港镇、东阳市横店镇、平阳县鳌江镇、吴兴区织里镇、瑞安市塘下镇、诸暨市店口镇、柯桥区钱清镇和温岭市泽国镇。';
    const { candidates, partOf } = extractPlaces(makeDoc(s));
    const cangnan = bySurface(candidates, '苍南县');
    expect(cangnan).toMatchObject({ name: '苍南县', code: '330327', level: 'county', partOf: 'place:330300' });
    // 龙港镇 became 龙港市 in 2019, so the gazetteer has no 龙港镇 under 苍南县 (only in 山西 and
    // 湖北): the written chain creates the town under the county anyway.
    const longgang = bySurface(candidates, '龙港镇');
    expect(longgang).toMatchObject({ name: '龙港镇', level: 'town', partOf: 'place:330327', priority: 1 });
    expect(longgang.code).toBeUndefined();
    expect(partOf).toContainEqual({ from: 'place:龙港镇', to: 'place:330327', sentence: 0 });
    expect(placeHierarchy('place:330327').map((p) => p.name)).toEqual(['温州市', '浙江省', '中国']);
    // 钱清镇 is not in the data either (now a 街道): created under 柯桥区
    expect(partOf).toContainEqual({ from: 'place:钱清镇', to: 'place:330603', sentence: 0 });
    expect(candidates.filter((c) => c.level === 'town')).toHaveLength(8);
  });

  it('links 东阳市横店镇 through the gazetteer', () => {
    const s = '其中乐清市柳市镇和东阳市横店镇财政总收入超 20 亿元，尤其是乐清柳市镇，连续三年财政收入超 20 亿元，2013 年';
    const { candidates, partOf } = extractPlaces(makeDoc(s));
    const hengdian = bySurface(candidates, '横店镇');
    expect(hengdian).toMatchObject({ name: '横店镇', code: '330783123', level: 'town', partOf: 'place:330783', priority: 3 });
    expect(bySurface(candidates, '东阳市')).toMatchObject({ code: '330783', level: 'county', partOf: 'place:330700' });
    expect(partOf).toContainEqual({ from: 'place:330783123', to: 'place:330783', sentence: 0 });
    // the county's short name 乐清 chains too
    expect(candidates.filter((c) => c.surface === '柳市镇').every((c) => c.code === '330382114')).toBe(true);
    expect(partOf.filter((p) => p.from === 'place:330382114' && p.to === 'place:330382')).toHaveLength(2);
  });

  it('does not take generic words (县域地区, 城市群, 县城, 小城镇) for places', () => {
    const county = '摘要: 党的十九届五中全会和国家“十四五”规划《纲要》提出了推进以县城为重要载体的城镇化建设,标志着县域地区逐渐成为中国新型城镇化发展的着力点。';
    expect(places(county).map((c) => c.surface)).toEqual(['中国']);
    const cluster = '城市群是新型城镇化的主体形态，是带动我国经济持续增长、促进区域协调发展、参与国际合作与竞争的重要平台。';
    const c = places(cluster);
    expect(c.map((x) => `${x.surface}→${x.name}`)).toEqual(['我国→中国']);
    const small = '党的十九大报告更是明确提出，要以城市群为主体构建大中小城市和小城镇协调发展的城镇格局。';
    expect(places(small)).toEqual([]);
  });

  it('disambiguates a same-name town by the province in the sentence, and skips it without context', () => {
    // 周巷镇 exists in 浙江 (慈溪市, 330282121) and 湖北 (420921102)
    const cixi = '慈溪撤销天元镇建制，其行政区域并入周巷镇等等。';
    expect(bySurface(places(cixi), '周巷镇').code).toBe('330282121');
    expect(bySurface(places('浙江省的中心镇，例如周巷镇。'), '周巷镇').code).toBe('330282121');
    expect(bySurface(places('湖北省的中心镇，例如周巷镇。'), '周巷镇').code).toBe('420921102');
    expect(places('投资最大的周巷镇总额突破百亿元。')).toEqual([]);
    // a province mentioned only elsewhere in the document is not enough for a town
    expect(places('浙江省的小城市培育。投资最大的周巷镇总额突破百亿元。').map((x) => x.surface)).toEqual(['浙江省']);
    // …a prefecture or county mentioned elsewhere is
    const doc = '慈溪的小城市培育。投资最大的周巷镇总额突破百亿元。';
    expect(bySurface(places(doc), '周巷镇').code).toBe('330282121');
  });

  it('reuses a town created by a chain for later bare mentions', () => {
    const text = '投资最大的龙港镇总额突破百亿元，达 111 . 9 亿元。其余八个镇是苍南县龙港镇、东阳市横店镇。';
    const towns = places(text).filter((c) => c.surface === '龙港镇');
    expect(towns).toHaveLength(2);
    expect(towns.every((c) => c.name === '龙港镇' && c.partOf === 'place:330327' && !c.code)).toBe(true);
  });

  it('knows lexicon clusters, zones and foreign places', () => {
    const s = '泸州是四川省除成都以外的 4 个百万人口大城市之一，也是长江上游除重庆主城区外率先达到“双百”的大城市。';
    expect(places(s).map((c) => c.name)).toEqual(['泸州市', '四川省', '成都市', '长江上游', '重庆市']);
    const cy = places('2016 年 5 月，国家发展改革委公布的《成渝城市群发展规划》指出，到 2020 年，泸州中心城区城市人口达 200 万人。');
    expect(bySurface(cy, '成渝城市群')).toMatchObject({ level: 'cluster', priority: 3 });
    const zone = places('北部湾经济区是广西发展的龙头，2017 年年初国务院批复同意');
    expect(bySurface(zone, '北部湾经济区')).toMatchObject({ name: '广西北部湾经济区', level: 'zone', partOf: 'place:450000' });
    const tokyo = places('日本太平洋沿岸城市群以东京为中心，包括大阪、静冈、名古屋、北九州的长崎等都市区，占日本总面积的 6%，总人口的 61%。');
    expect(bySurface(tokyo, '东京')).toMatchObject({ level: 'foreign', partOf: 'place:日本' });
    expect(bySurface(tokyo, '日本太平洋沿岸城市群').level).toBe('foreign');
    expect(placeHierarchy('place:东京')).toEqual([{ key: 'place:日本', name: '日本', level: 'foreign' }]);
    const boswash = places('美国大西洋沿岸城市群又名“波士华”（Bosh-wash）城市群，它是世界上面积最大、发育最成熟的城市群。');
    expect(new Set(boswash.filter((c) => c.level === 'foreign').map((c) => c.name))).toEqual(new Set(['美国大西洋沿岸城市群']));
    // dash and bracket variants
    expect(bySurface(places('兰州-西宁城市群'), '兰州-西宁城市群').name).toBe('兰州—西宁城市群');
    expect(bySurface(places('中国(广西)自由贸易试验区'), '中国(广西)自由贸易试验区').name).toBe('中国（广西）自由贸易试验区');
    expect(nameVariants('中国—东盟自贸区')).toContain('中国-东盟自贸区');
  });

  it('builds …城市群/经济区 names from a place-like prefix, but not from generic words', () => {
    const s = '当前，在“一带一路”和中国-东盟自贸区“升级版”战略的推动下，广西沿海城市群区位优势更加突出。';
    const cands = places(s);
    expect(bySurface(cands, '广西沿海城市群')).toMatchObject({ name: '广西沿海城市群', level: 'cluster', priority: 1 });
    expect(bySurface(cands, '中国-东盟自贸区').name).toBe('中国—东盟自由贸易区');
    expect(cands.some((c) => c.surface === '广西' || c.surface === '海城')).toBe(false);
    expect(places('六大城市群、大中城市群、美国城市群、蓝色海湾城市群').map((c) => c.surface)).toEqual(['美国']);
  });

  it('keeps ordinary words that are also county short names out', () => {
    expect(places('应把乡村振兴与城市群建设联系起来，充分考虑中心城市与周边城市及农村的发展定位。')).toEqual([]);
    expect(places('中心镇是沟通城乡联系的重要纽带。')).toEqual([]); // 通城 (通城县) across 沟通|城乡
    expect(places('以现代“临海型经济”引领与东盟合作新趋势').map((c) => c.surface)).toEqual(['东盟']);
    expect(places('自然资源和公共服务')).toEqual([]); // 资源县
  });

  it('does not cut through a jieba token', () => {
    const doc = makeDoc('洞庭湖南岸');
    expect(extractPlaces(doc).candidates.map((c) => c.name)).toEqual(['湖南省']); // without tokens: fooled
    doc.tokens = [[{ word: '洞庭湖', start: 0, end: 3 }, { word: '南岸', start: 3, end: 5 }]];
    expect(extractPlaces(doc).candidates).toEqual([]);
  });

  it('reads 我国 as 中国', () => {
    const c = bySurface(places('城镇化作为现代化的必由之路，是我国最大的内需潜力和发展动能所在。'), '我国');
    expect(c).toMatchObject({ name: '中国', level: 'country', priority: 3 });
    expect(c.partOf).toBeUndefined();
    expect(c.code).toBeUndefined();
    expect(c.aliases).toContain('我国');
  });

  it('resolves ambiguous short names by level, then by context', () => {
    // 西安: 西安市 (陕西) and 西安区 (辽源, 吉林)
    expect(bySurface(places('2 小时可达石家庄、太原、西安、济南、武汉、合肥。'), '西安').code).toBe('610100');
    // 朝阳: 朝阳市 (辽宁) wins on level; 北京 in the sentence makes it 朝阳区 (110105)
    expect(bySurface(places('朝阳的发展。'), '朝阳').code).toBe('211300');
    expect(bySurface(places('北京朝阳的发展。'), '朝阳').code).toBe('110105');
    // district short names need their parent mentioned: 海淀 alone is nothing, with 北京 it is 海淀区
    expect(places('海淀的发展。')).toEqual([]);
    expect(bySurface(places('北京的海淀。'), '海淀').code).toBe('110108');
  });
});

describe('clusterMembers', () => {
  it('resolves every member to a gazetteer key', () => {
    const m = clusterMembers();
    expect(m.every((x) => /^place:\d{6}$/.test(x.member))).toBe(true);
    const bbw = m.filter((x) => x.cluster === 'place:北部湾城市群');
    expect(bbw).toHaveLength(15);
    expect(bbw.filter((x) => x.core).map((x) => x.member)).toEqual(['place:450100']);
    expect(bbw.map((x) => x.member)).toContain('place:450700');
    expect(bbw.map((x) => x.member)).toContain('place:469026'); // 昌江黎族自治县
    expect(new Set(m.map((x) => x.cluster)).size).toBeGreaterThanOrEqual(20);
  });
});

describe('performance', () => {
  it('processes the whole corpus quickly', () => {
    const files = readdirSync(CORPUS).filter((f) => /\.(txt|md|html)$/.test(f) && f !== 'README.md');
    const docs = files.map((f) => makeDoc(corpus(f), f));
    const chars = docs.reduce((n, d) => n + d.text.length, 0);
    const t0 = performance.now();
    let total = 0;
    for (const d of docs) total += extractPlaces(d).candidates.length;
    const ms = performance.now() - t0;
    console.log(`[places] ${files.length} files, ${chars} chars, ${total} candidates in ${ms.toFixed(0)} ms (gazetteer load ${getGazetteer().loadMs.toFixed(0)} ms)`);
    expect(total).toBeGreaterThan(300);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('towns in coordinated lists, towns named again, regions and metropolitan areas', () => {
  const names = (text: string) => places(text).map((c) => `${c.surface}=${c.name}`);

  it('makes the unknown towns of a 撤销…建制 list under the county written before it', () => {
    const got = places('例如：永嘉县撤销岩坦镇、溪下乡、张溪乡建制，设立新的岩坦镇。');
    expect(got.map((c) => c.surface)).toEqual(expect.arrayContaining(['永嘉县', '岩坦镇', '溪下乡', '张溪乡']));
    const county = got.find((c) => c.surface === '永嘉县')!;
    expect(got.find((c) => c.surface === '溪下乡')?.partOf).toBe(getGazetteer().byName.get(county.name)![0].key);
  });

  it('a single town needs the administrative verb; generic 镇 words are not towns', () => {
    expect(names('余姚撤销陆埠乡建制，其行政区域并入陆埠镇。')).toContain('陆埠乡=陆埠乡');
    expect(names('永嘉县加快中心镇、重点镇建设。').filter((n) => /中心镇|重点镇/.test(n))).toEqual([]);
  });

  it('a town written in full once is found again by its short name in a list', () => {
    const got = names('乐清市柳市镇和东阳市横店镇财力较强。除了柳市、横店等一批强镇外，多数镇规模偏小。');
    expect(got).toEqual(expect.arrayContaining(['柳市=柳市镇', '横店=横店镇']));
  });

  it('a county written by its short name anchors the list; 平阳市场 is not 平阳市', () => {
    expect(names('平阳市撤销钱仓镇、西湾乡建制。')).toEqual(expect.arrayContaining(['钱仓镇=钱仓镇', '西湾乡=西湾乡']));
    expect(names('平阳市场繁荣。').some((n) => n.startsWith('平阳市='))).toBe(false);
  });

  it('geographic regions and named metropolitan areas', () => {
    const got = names('北部湾沿岸的雷州半岛、海南岛与辽东半岛不同。沈阳都市圈、珠江口西岸都市圈和南昌都市圈加快建设。');
    expect(got).toEqual(expect.arrayContaining([
      '北部湾=北部湾', '雷州半岛=雷州半岛', '海南岛=海南岛', '辽东半岛=辽东半岛',
      '沈阳都市圈=沈阳都市圈', '珠江口西岸都市圈=珠江口西岸都市圈', '南昌都市圈=南昌都市圈',
    ]));
    const members = clusterMembers().filter((m) => m.cluster === 'place:沈阳都市圈');
    expect(members.find((m) => m.core)?.member).toBeTruthy();
  });
});
