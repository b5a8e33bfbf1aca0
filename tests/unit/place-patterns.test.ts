import { describe, expect, it } from 'vitest';
import { extractPlaces, placeContains } from '../../ingest/extract/places.js';
import { segmentedDoc as makeDoc, placeRelations as relations } from '../helpers/make-doc.js';
import { placeNames as names } from '../helpers/recognise.js';

// Pattern rules of the PLACE recogniser and the PART_OF / MEMBER_OF / CORE_OF patterns of
// membership.ts. Sentences are made up for the rule (or shortened from the development corpus);
// none comes from the held-out test split.

describe('regions without a lexicon entry', () => {
  it('province abbreviation + direction → …地区, PART_OF the province', () => {
    expect(names('皖北地势平坦，苏南区域条件优越，苏中地区和粤西发展较快，渝东北地区生态优良。')).toEqual([
      '皖北=皖北地区', '苏南区域=苏南地区', '苏中地区=苏中地区', '粤西=粤西地区', '渝东北地区=渝东北地区',
    ]);
    const wanbei = extractPlaces(makeDoc('皖北人口多。')).candidates[0];
    expect(wanbei).toMatchObject({ level: 'region', partOf: 'place:340000' });
    // 鲁西南地区 holds the lexicon's 西南地区
    expect(names('鲁西南地区')).toEqual(['鲁西南地区=鲁西南地区']);
  });

  it('not inside words, nicknames or institution names', () => {
    expect(names('新中国成立后，京东入驻。')).toEqual(['新中国=中国']);
    expect(names('有“苏南四小龙”之称的城市。')).toEqual([]);
    expect(names('华东师范大学与西南交通大学合作。')).toEqual([]);
  });

  it('two to four province abbreviations + 地区, but no one-character lists', () => {
    expect(names('为桂粤琼地区指明了方向。')).toEqual(['桂粤琼地区=桂粤琼地区']);
    expect(names('京沪粤苏的差距，东中西部地区和中西部地区。')).toEqual([]);
  });

  it('macro-regions on their own, 中国西部 as one mention, belt words only in a list', () => {
    expect(names('面向东盟、服务西南的枢纽。')).toEqual(['东盟=东盟', '西南=西南地区']);
    expect(names('喀什位于新疆西南部。')).not.toContain('西南=西南地区');
    expect(names('完善城市群在中国西部的研究。')).toEqual(['中国西部=西部地区']);
    expect(names('与东部、西部相连。')).toEqual(['东部=东部地区', '西部=西部地区']);
    expect(names('紧连东部的广东。')).toEqual(['广东=广东省']);
  });

  it('南疆 only next to a place of Xinjiang', () => {
    expect(names('建设阿克苏南疆中心城市。')).toContain('南疆=南疆地区');
    expect(names('广西地处南疆。')).toEqual(['广西=广西壮族自治区']);
  });
});

describe('rivers and natural areas', () => {
  it('a river as a noun, with its reaches and basin; not as a modifier', () => {
    expect(names('长江和淮河将安徽一分为三，淮河流域洪涝频发。')).toEqual([
      '长江=长江', '淮河=淮河', '安徽=安徽省', '淮河流域=淮河流域',
    ]);
    expect(names('泸州是长江上游的大城市。')).toEqual(['泸州=泸州市', '长江上游=长江上游']);
    expect(names('实施沱江二桥加宽改造、长江六桥工程，打通金沙江库区航运通道。')).toEqual([]);
    expect(names('研究多以黑河流域为代表。')).toEqual(['黑河流域=黑河流域']);
  });
});

describe('lists sharing a head', () => {
  it('one cluster per conjunct, surface = the conjunct', () => {
    expect(names('引导哈长、辽中南、山西中部、兰州—西 宁、天山北坡等城市群稳步发展。')).toEqual([
      '哈长=哈长城市群', '辽中南=辽中南城市群', '山西中部=山西中部城市群', '兰州—西宁=兰州—西宁城市群', '天山北坡=天山北坡城市群',
    ]);
    expect(names('实施长江中游、北部湾等城市群发展方案。')).toEqual(['长江中游=长江中游城市群', '北部湾=北部湾城市群']);
    expect(names('连接了中亚和南亚经济圈。')).toEqual(['中亚=中亚经济圈', '南亚经济圈=南亚经济圈']);
  });

  it('cities before 等城市群 are not clusters', () => {
    expect(names('北京、上海等城市群核心城市。')).toEqual(['北京=北京市', '上海=上海市']);
  });

  it('…城市圈 / 大都市区 names; a province + 城市群 is generic', () => {
    expect(names('喀什市城市圈的研究。')).toEqual(['喀什市城市圈=喀什城市圈']);
    expect(names('郑州大都市区一体化发展。')).toEqual(['郑州大都市区=郑州大都市区']);
    expect(names('专门针对新疆城市群的研究较少。')).toEqual(['新疆=新疆维吾尔自治区']);
  });
});

describe('abbreviations spelled out in brackets', () => {
  it('one place per city', () => {
    expect(names('南（宁）北（海）钦（州）防（城港）、海（口）澄（迈）文（昌）')).toEqual([
      '南（宁）=南宁市', '北（海）=北海市', '钦（州）=钦州市', '防（城港）=防城港市', '海（口）=海口市', '澄（迈）=澄迈县', '文（昌）=文昌市',
    ]);
  });

  it('not in the name of an agreement', () => {
    expect(names('签订泸（州）昆（明）港口物流发展合作协议。')).toEqual([]);
  });
});

describe('designated zones, ports and new towns', () => {
  it('<place>[middle]<head>, with the inner places consumed', () => {
    expect(names('形成宜宾临港经济技术开发区和泸州长江经济开发区。')).toEqual([
      '宜宾临港经济技术开发区=宜宾临港经济技术开发区', '泸州长江经济开发区=泸州长江经济开发区',
    ]);
    expect(names('依托郑州国际陆港，钦州港和名古屋港。')).toEqual([
      '郑州国际陆港=郑州国际陆港', '钦州港=钦州港', '名古屋港=名古屋港',
    ]);
    expect(names('承接了中国（郑州）跨境电子商务综合试验区。')).toEqual([
      '中国（郑州）跨境电子商务综合试验区=中国（郑州）跨境电子商务综合试验区',
    ]);
    expect(names('支持皖北承接产业转移集聚区建设。')).toEqual(['皖北承接产业转移集聚区=皖北承接产业转移集聚区']);
    expect(names('郑洛新国家自主创新示范区')).toEqual(['郑洛新国家自主创新示范区=郑洛新国家自主创新示范区']);
  });

  it('国家 before a city is left out of the name; 高新区/经开区 are spelled out', () => {
    expect(names('紧邻国家郑州经济技术开发区。')).toEqual(['国家郑州经济技术开发区=郑州经济技术开发区']);
    expect(names('洛阳高新区')).toEqual(['洛阳高新区=洛阳高新技术产业开发区']);
  });

  it('not 港口/港务, numbered or generic parks', () => {
    expect(names('泸州港务公司，钦州港口建设。')).not.toContain('钦州港=钦州港');
    expect(names('泸州三大园区定位不同，河南高校园区。')).toEqual(['泸州=泸州市', '河南=河南省']);
  });
});

describe('places that are only part of something else', () => {
  it('airports, stations, train services, routes, events, periodicals, meetings, nicknames', () => {
    expect(names('在郑州新郑国际机场运营。')).toEqual([]);
    expect(names('郑州铁路货运北站作业量大。')).toEqual([]);
    expect(names('中欧班列（郑州）开行。')).toEqual([]);
    expect(names('共建昆明-昭通-泸州物流通道。')).toEqual([]);
    expect(names('开通“泸州-南京-韩国”近洋外贸航线。')).toEqual([]);
    expect(names('南宁“中国-东盟博览会的永久举办地”。')).toEqual(['南宁=南宁市']);
    expect(names('《中国经济周刊》记者梳理发现。')).toEqual([]);
    expect(names('近日召开的安徽省第十一次党代会明确。')).toEqual([]);
    expect(names('德国鲁尔区有“德国工业引擎”之称。')).toEqual(['德国=德国', '鲁尔区=鲁尔区']);
  });

  it('a highway between places keeps them', () => {
    expect(names('南宁-钦州高速铁路实现公交化运营。')).toEqual(['南宁=南宁市', '钦州=钦州市']);
  });
});

describe('China, the own province, Corps units', () => {
  it('新中国 / 共和国 → 中国, not another republic', () => {
    expect(names('随着共和国成长，新中国发展。')).toEqual(['共和国=中国', '新中国=中国']);
    expect(names('捷克共和国')).toEqual(['捷克=捷克']);
  });

  it('我省 in a provincial document', () => {
    expect(names('结合我省实际，制定措施如下。', '山东省人民政府办公厅关于印发若干措施的通知')).toEqual(['我省=山东省']);
    expect(names('结合我省实际。')).toEqual([]);
  });

  it('Corps divisions and the farms listed with them', () => {
    expect(names('以及新疆建设兵团第三师42团、44团、托云牧场和叶城二牧场等。')).toEqual([
      '新疆建设兵团第三师42团=新疆生产建设兵团第三师42团', '44团=新疆生产建设兵团第三师44团', '托云牧场=托云牧场', '叶城二牧场=叶城二牧场',
    ]);
  });

  it('a province or prefecture by its short name + 地区 is one mention', () => {
    expect(names('推动新疆地区发展。')).toEqual(['新疆地区=新疆维吾尔自治区']);
  });
});

describe('placeContains', () => {
  it('gazetteer, zone province and abbreviation regions', () => {
    expect(placeContains('place:340000', '安徽省', 'place:341200')).toBe(true); // 阜阳 in 安徽
    expect(placeContains('place:皖北地区', '皖北地区', 'place:341200')).toBe(true);
    expect(placeContains('place:皖北地区', '皖北地区', 'place:330100')).toBe(false); // 杭州
    expect(placeContains('place:广西北部湾经济区', '广西北部湾经济区', 'place:450100')).toBe(true);
    expect(placeContains('place:长江三角洲', '长江三角洲', 'place:341200')).toBeNull();
  });
});

describe('PART_OF / MEMBER_OF / CORE_OF stated in the text', () => {
  it('region assignments: N市（list）, list等R城市, 作为R重镇的P', () => {
    expect(relations('2020年末，皖北6市（阜阳、蚌埠、淮南）常住人口2682万人。')).toEqual([
      '阜阳市 PART_OF 皖北地区', '蚌埠市 PART_OF 皖北地区', '淮南市 PART_OF 皖北地区',
    ]);
    expect(relations('其中皖南2个（安庆、铜陵）。')).toEqual(['安庆市 PART_OF 皖南地区', '铜陵市 PART_OF 皖南地区']);
    expect(relations('芜湖、马鞍山等皖南城市增势迅猛。')).toEqual(['芜湖市 PART_OF 皖南地区', '马鞍山市 PART_OF 皖南地区']);
    expect(relations('作为皖北重镇的蚌埠，增速放缓。')).toEqual(['蚌埠市 PART_OF 皖北地区']);
  });

  it('a province scoping a list, checked against the gazetteer', () => {
    expect(relations('江苏的昆山市、江阴市和太仓市入围。')).toEqual([
      '昆山市 PART_OF 江苏省', '江阴市 PART_OF 江苏省', '太仓市 PART_OF 江苏省',
    ]);
    expect(relations('浙江义乌市和玉环市雄霸前两名。')).toEqual(['义乌市 PART_OF 浙江省', '玉环市 PART_OF 浙江省']);
    expect(relations('浙江入围的3个城市分别是：义乌市、诸暨市和慈溪市。')).toEqual([
      '义乌市 PART_OF 浙江省', '诸暨市 PART_OF 浙江省', '慈溪市 PART_OF 浙江省',
    ]);
    expect(relations('江苏的游客来到杭州市。')).toEqual([]);
    expect(relations('浙江更为强势，义乌市居首。')).toEqual([]);
  });

  it('R的list closed by a count', () => {
    expect(relations('北部湾经济区的南宁、北海、钦州三个城市实行统一考试。')).toEqual([
      '南宁市 PART_OF 广西北部湾经济区', '北海市 PART_OF 广西北部湾经济区', '钦州市 PART_OF 广西北部湾经济区',
    ]);
  });

  it('P建设R(区域)中心城市: PART_OF a region, MEMBER_OF a cluster, never CORE_OF', () => {
    expect(relations('支持阜阳建设长三角区域重点城市和中原城市群区域中心城市，蚌埠建设淮河生态经济带和皖北地区中心城市。')).toEqual([
      '阜阳市 PART_OF 长江三角洲', '阜阳市 MEMBER_OF 中原城市群', '蚌埠市 PART_OF 淮河生态经济带', '蚌埠市 PART_OF 皖北地区',
    ]);
    expect(relations('泸州打造成渝城市群南部区域中心城市。')).toEqual(['泸州市 MEMBER_OF 成渝城市群']);
    expect(relations('把泸州打造为四川省乃至西南地区的大数据产业中心。')).toEqual([]);
  });

  it('位于/地处, not a junction', () => {
    expect(relations('由于喀什城市圈位于西北干旱区，生态环境脆弱。')).toEqual(['喀什城市圈 PART_OF 西北干旱区']);
    expect(relations('喀什城市圈地处欧亚大陆腹地，位于新疆西南部。')).toEqual([
      '喀什城市圈 PART_OF 欧亚大陆', '喀什城市圈 PART_OF 新疆维吾尔自治区',
    ]);
    expect(relations('它们地处华南经济圈、西南经济圈与东盟经济圈的结合部。')).toEqual([]);
  });

  it('cores: 以P为中心 only for the cluster, <C>中心P, 作为C副中心的P', () => {
    expect(relations('中原城市群包括以郑州为中心的9座城市。')).toEqual(['郑州市 MEMBER_OF 中原城市群', '郑州市 CORE_OF 中原城市群']);
    expect(relations('随着以郑州为中心的“米”字形高铁的建设，中原城市群“同城效应”将更加显现。')).toEqual([]);
    expect(relations('欧洲西北部城市群中心巴黎拥有金融市场。')).toEqual(['巴黎 MEMBER_OF 欧洲西北部城市群', '巴黎 CORE_OF 欧洲西北部城市群']);
    expect(relations('而作为中原城市群副中心的洛阳，重点打造先进制造业基地。')).toEqual(['洛阳市 MEMBER_OF 中原城市群']);
  });

  it('core area and outer ring of a cluster, across ；', () => {
    const got = relations('喀什城市圈核心区由喀什市、阿图什市、疏勒县草湖镇组成；辐射区主要包括岳普湖县、英吉沙县、麦提县、巴楚县等。');
    expect(got).toEqual(expect.arrayContaining([
      '喀什市 MEMBER_OF 喀什城市圈', '喀什市 CORE_OF 喀什城市圈', '草湖镇 CORE_OF 喀什城市圈', '草湖镇 PART_OF 疏勒县',
      '岳普湖县 MEMBER_OF 喀什城市圈', '巴楚县 MEMBER_OF 喀什城市圈',
    ]));
    expect(got).not.toContain('岳普湖县 CORE_OF 喀什城市圈');
  });

  it('a foreign place written after its country', () => {
    expect(relations('加拿大多伦多的飞机制造业是支柱产业。')).toEqual(['多伦多 PART_OF 加拿大']);
  });
});
