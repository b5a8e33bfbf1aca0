import { describe, expect, it } from 'vitest';
import { extract } from '../../ingest/extract/index.js';
import { getGazetteer } from '../../ingest/extract/gazetteer.js';
import { segmentedDoc as makeDoc, placeRelations as relations } from '../helpers/make-doc.js';
import { placeNames as names } from '../helpers/recognise.js';

// Rules added for the general causes behind the batch-4 development errors (place names in PDF
// papers and news, hierarchical membership lists, clusters as topics). Sentences are made up for
// the rule; none comes from a gold file.

/** surface=name of the resolved mentions of one type */
function mentions(text: string, type: string): string[] {
  const x = extract(makeDoc(text));
  const name = new Map(x.entities.map((e) => [e.key, e.name]));
  return x.mentions.filter((m) => m.type === type).map((m) => `${m.surface}=${name.get(m.entity)}`);
}

describe('gazetteer and span details', () => {
  it('a 新区 district keeps no short name its city already has', () => {
    const g = getGazetteer();
    const lz = (g.byName.get('兰州新区') ?? []).find((d) => d.level === 'district');
    expect(lz?.short).toBeNull();
    expect(names('邻近兰州的兰州新区发展很快。')).toEqual(['兰州=兰州市', '兰州新区=兰州新区']);
  });

  it('a town whose 镇 jieba glued to the next word still matches; 乡村 after a name does not', () => {
    expect(names('以宁夏吴忠市红寺堡镇为例，分析新城镇的空间增长。')).toEqual(['宁夏=宁夏回族自治区', '吴忠市=吴忠市', '红寺堡镇=红寺堡镇']);
  });

  it('stop words and the short name before 省会', () => {
    expect(names('城市由低密度向高密度蔓延。')).toEqual([]);
    expect(names('河流的入海口湾区。')).toEqual([]);
    expect(names('甘肃和青海省会城市外围的城市。')).toEqual(['甘肃=甘肃省', '青海=青海省']);
  });

  it('大 after a count opens no short name; ring roads and long fair names hide their city', () => {
    expect(names('世界四大湾区各有特色。')).toEqual([]);
    expect(names('绕着上海内环一圈，再去广州二环。')).toEqual([]);
    expect(names('成都举办的中国西部国际投资贸易洽谈会吸引了客商。')).toEqual(['成都=成都市']);
    expect(names('合肥正在成为“中国声谷”。')).toEqual(['合肥=合肥市']);
  });
});

describe('named areas', () => {
  it('two places joined by a dash (also the OCR 一) name a cluster or zone', () => {
    expect(names('发展银川一吴忠城市带和兰州一白银城市群，建设嘉峪关-酒泉经济一体化区域。')).toEqual([
      '银川一吴忠城市带=银川—吴忠城市带', '兰州一白银城市群=兰州—白银城市群', '嘉峪关-酒泉经济一体化区域=嘉峪关—酒泉经济一体化区域',
    ]);
    // a lexicon cluster written with the OCR dash
    expect(names('培育兰州一西宁城市群。')).toEqual(['兰州一西宁城市群=兰州—西宁城市群']);
  });

  it('a province + direction + 地区, natural and irrigation areas, contiguous poverty areas', () => {
    expect(names('甘肃东部地区和宁夏北部地区。')).toEqual(['甘肃东部地区=甘肃东部地区', '宁夏北部地区=宁夏北部地区']);
    expect(names('在甘肃中部干旱带，移民迁往宁夏北部引黄灌区。')).toEqual([
      '甘肃=甘肃省', '中部干旱带=甘肃中部干旱带', '宁夏=宁夏回族自治区', '引黄灌区=引黄灌区',
    ]);
    expect(relations('甘肃中部干旱带降水稀少。')).toEqual(['甘肃中部干旱带 PART_OF 甘肃省']);
    expect(names('大别山连片特困地区的县。')).toEqual(['大别山连片特困地区=大别山连片特困地区']);
  });

  it('foreign bays, the mainland in a Hong Kong text, a region written with 区域', () => {
    expect(names('旧金山湾区与东京湾不同。')).toEqual(['旧金山湾区=旧金山湾区', '东京湾=东京湾']);
    expect(names('香港与内地的往来日益密切。')).toEqual(['香港=香港特别行政区', '内地=中国内地']);
    expect(names('产业由沿海向内地转移。')).toEqual([]);
    expect(names('珠三角区域的人口持续增长。')).toEqual(['珠三角区域=珠江三角洲']);
    expect(names('建设珠三角区域中心城市。')).toEqual(['珠三角=珠江三角洲']);
  });

  it('我国西北 (with 地理) is one region; juxtaposed names with a counted head', () => {
    expect(names('我国西北地理区域干旱少雨。')).toEqual(['我国西北=西北地区']);
    expect(names('连接西部中部两大板块，贯通黄河淮河两大流域。')).toEqual([
      '西部=西部地区', '中部=中部地区', '黄河=黄河流域', '淮河=淮河流域',
    ]);
  });

  it('places listed as cities take the city of that name', () => {
    expect(names('新疆喀什、和田等城市发展较快。')).toEqual(['新疆=新疆维吾尔自治区', '喀什=喀什市', '和田=和田市']);
  });

  it('a region opening a sentence about its core is its city cluster', () => {
    expect(names('比如：京津冀，北京是超级核心，天津、石家庄是中心城市。')[0]).toBe('京津冀=京津冀城市群');
    expect(names('京津冀，人口密集，交通便利。')[0]).toBe('京津冀=京津冀地区');
  });
});

describe('membership and containment stated in the text', () => {
  it('a membership list names the units, not the cities written as their prefix; the province opens its group', () => {
    const got = relations('杭州都市圈由以浙江省杭州市为中心、联系紧密的周边城市共同组成，主要包括：浙江省杭州市，嘉兴市南湖区、秀洲区，湖州市吴兴区，安徽省黄山市屯溪区。');
    expect(got).toEqual(expect.arrayContaining([
      '杭州市 CORE_OF 杭州都市圈', '杭州市 MEMBER_OF 杭州都市圈', '南湖区 MEMBER_OF 杭州都市圈', '秀洲区 MEMBER_OF 杭州都市圈',
      '吴兴区 MEMBER_OF 杭州都市圈', '屯溪区 MEMBER_OF 杭州都市圈', '南湖区 PART_OF 嘉兴市', '嘉兴市 PART_OF 浙江省',
      '湖州市 PART_OF 浙江省', '黄山市 PART_OF 安徽省',
    ]));
    expect(got).not.toContain('嘉兴市 MEMBER_OF 杭州都市圈');
    expect(got).not.toContain('秀洲区 PART_OF 浙江省');
  });

  it('a region that includes provinces; a metropolitan area that is part of a cluster or of the country', () => {
    expect(relations('西南地区包括四川省、贵州省和云南省等。')).toEqual([
      '四川省 PART_OF 西南地区', '贵州省 PART_OF 西南地区', '云南省 PART_OF 西南地区',
    ]);
    expect(relations('杭州都市圈是长三角城市群的重要组成部分，也是我国较早建设的都市圈。')).toEqual([
      '杭州都市圈 MEMBER_OF 长江三角洲城市群', '杭州都市圈 PART_OF 中国',
    ]);
  });

  it('a cluster as the topic: its listed cities by the lexicon, the core where the text says so', () => {
    const got = relations('整个京津冀城市群之中，北京和天津是两大核心城市，石家庄、唐山紧随其后。');
    expect(got).toEqual(expect.arrayContaining([
      '北京市 MEMBER_OF 京津冀城市群', '天津市 MEMBER_OF 京津冀城市群', '北京市 CORE_OF 京津冀城市群',
      '天津市 CORE_OF 京津冀城市群', '石家庄市 MEMBER_OF 京津冀城市群', '唐山市 MEMBER_OF 京津冀城市群',
    ]));
    // a place the lexicon does not put in the cluster is not made a member
    expect(relations('京津冀城市群更为明显，北京、天津之外，郑州的体量也不小。')).not.toContain('郑州市 MEMBER_OF 京津冀城市群');
    // not a topic: the cluster is not the sentence's first words
    expect(relations('西安市与关中平原城市群内其他城市联系紧密。')).toEqual([]);
  });

  it('growth poles of a cluster: the places before, not the ones named for adjacency', () => {
    const got = relations('重点支持邻近西安的咸阳、渭南，逐步培育形成关中平原城市群的新增长极。');
    expect(got).toEqual(['咸阳市 MEMBER_OF 关中平原城市群', '渭南市 MEMBER_OF 关中平原城市群']);
  });

  it('where a place was built, where it was "born"; adjacency and addresses state nothing', () => {
    expect(relations('该移民区是在甘肃中部干旱带上建设的，吴忠市红寺堡区是在宁夏中部干旱带上建设的移民安置区。'))
      .toContain('红寺堡区 PART_OF 宁夏中部干旱带');
    expect(relations('这座城市就出生在山水秀丽的桂林市。')).toEqual([]);
    expect(relations('南宁就诞生在气候温润的广西壮族自治区。')).toEqual(['南宁市 PART_OF 广西壮族自治区']);
    expect(relations('邻近成都的德阳市、眉山市发展迅速。')).toEqual([]);
    expect(relations('（兰州大学资源环境学院，甘肃兰州 730000）城镇化研究。')).toEqual([]);
  });
});

describe('organizations, people and policies in news and notices', () => {
  it('company short names: unambiguous ones always, common words only in a company context', () => {
    expect(mentions('苹果、谷歌等科技企业落户，华为也建了研发中心。', 'ORGANIZATION')).toEqual([
      '苹果=苹果公司', '谷歌=谷歌公司', '华为=华为技术有限公司',
    ]);
    expect(mentions('这里盛产苹果和小米。', 'ORGANIZATION')).toEqual([]);
    expect(mentions('茅台镇的酱香酒闻名，市值最高的茅台来自贵州。', 'ORGANIZATION')).toEqual(['茅台=贵州茅台酒股份有限公司']);
    // a company's unit is named as printed with it
    expect(mentions('华为贵州大数据中心投入运营。', 'ORGANIZATION')).toEqual(['华为贵州大数据中心=华为贵州大数据中心']);
  });

  it('a government office, a city document’s bare 市政府, standing inter-ministerial bodies, 来自中央', () => {
    const doc = makeDoc('各县区人民政府，市政府各部门：经市政府同意，现将方案印发给你们。', '宿州市人民政府办公室关于印发宿州市城镇化工作方案的通知');
    const x = extract(doc);
    const name = new Map(x.entities.map((e) => [e.key, e.name]));
    expect(x.mentions.filter((m) => m.surface === '市政府').map((m) => name.get(m.entity))).toEqual(['宿州市人民政府', '宿州市人民政府']);
    expect(mentions('宿州市人民政府办公室关于印发宿州市城镇化工作方案的通知', 'ORGANIZATION')).toEqual(['宿州市人民政府办公室=宿州市人民政府办公室']);
    expect(mentions('经促进中部地区崛起工作部际联席会议审议。', 'ORGANIZATION')).toEqual(['促进中部地区崛起工作部际联席会议=促进中部地区崛起工作部际联席会议']);
    expect(mentions('该省获得来自中央的财政补助。', 'ORGANIZATION')).toEqual(['中央=中央政府']);
    expect(mentions('研究院院长张三说，研究院创始院长李四表示。', 'ORGANIZATION')).not.toContain('研究院创始院=研究院创始院');
  });

  it('partners and ages work like titles', () => {
    expect(mentions('德勤中国合伙人赵明远表示，区域协同很重要。此外，赵明远认为需要改革。', 'PERSON')).toEqual([
      '赵明远=赵明远', '赵明远=赵明远',
    ]);
    expect(mentions('当年，35岁的陈立新创办了公司。', 'PERSON')).toEqual(['陈立新=陈立新']);
  });

  it('policies: a cited title with its issuer is split, a bare work report is the State Council’s', () => {
    const x = extract(makeDoc('按照《国务院关于加快发展现代农业的意见》要求，落实政府工作报告部署。'));
    const name = new Map(x.entities.map((e) => [e.key, e.name]));
    expect(x.mentions.filter((m) => m.type === 'POLICY' || m.type === 'ORGANIZATION').map((m) => `${m.type}:${m.surface}=${name.get(m.entity)}`)).toEqual([
      'ORGANIZATION:国务院=国务院', 'POLICY:关于加快发展现代农业的意见=关于加快发展现代农业的意见', 'POLICY:政府工作报告=国务院政府工作报告',
    ]);
    expect(x.relations.filter((r) => r.type === 'ISSUED_BY').map((r) => `${name.get(r.from)}->${name.get(r.to)}`)).toEqual(['关于加快发展现代农业的意见->国务院']);
    // two issuers at the head of the title, also when jieba reads the whole title as one word
    expect(mentions('该文件即《中共中央国务院关于实施乡村振兴战略的意见》。', 'ORGANIZATION')).toEqual([
      '中共中央=中国共产党中央委员会', '国务院=国务院',
    ]);
  });

  it('policies: periods, congress reports, kinds of project, a repeated title line, the 2035 outline', () => {
    expect(mentions('“十三五”规划期间，投资增长较快。', 'POLICY')).toEqual([]);
    expect(mentions('中国共产党的十八大报告提出新型城镇化。', 'POLICY')).toEqual(['中国共产党的十八大报告=党的十八大报告']);
    expect(mentions('实施扶贫工程和生态移民工程。', 'POLICY')).toEqual([]);
    expect(mentions('中心镇培育工程成效明显。', 'POLICY')).toEqual(['中心镇培育工程=中心镇培育工程']);
    const t = mentions('现将《宿州市城镇化工作方案》印发给你们。\n宿州市城镇化工作方案\n一、总体要求', 'POLICY');
    expect(t).toEqual(['宿州市城镇化工作方案=宿州市城镇化工作方案', '宿州市城镇化工作方案=宿州市城镇化工作方案']);
    expect(mentions('落实《宿州市国民经济和社会发展第十四个五年规划和2025年远景目标纲要》。', 'POLICY')).toEqual([
      '宿州市国民经济和社会发展第十四个五年规划和2025年远景目标纲要=宿州市国民经济和社会发展第十四个五年规划和2035年远景目标纲要',
    ]);
  });
});
