import { describe, expect, it } from 'vitest';
import { placeRelations as relations } from '../helpers/make-doc.js';
import { placeNames as names } from '../helpers/recognise.js';

// Rules added while reading fresh (unannotated) cluster and metropolitan-area texts: membership
// lists with province prefixes and city-level scoping, composed clusters, cores given as lists,
// roles, 属于/加入, X是R…的区域, and the place names those sentences need. Sentences are made up
// for the rule; none comes from a gold file.

describe('membership lists', () => {
  it('municipalities and special administrative regions are members, provinces are not', () => {
    const got = relations('京津冀城市群包含北京、天津及河北部分城市。');
    expect(got).toEqual(expect.arrayContaining(['北京市 MEMBER_OF 京津冀城市群', '天津市 MEMBER_OF 京津冀城市群']));
    expect(got).not.toContain('河北省 MEMBER_OF 京津冀城市群');
    expect(relations('大湾区包括香港、澳门和广东省佛山市、江门市。')).toEqual(expect.arrayContaining([
      '香港特别行政区 MEMBER_OF 粤港澳大湾区', '澳门特别行政区 MEMBER_OF 粤港澳大湾区',
      '佛山市 MEMBER_OF 粤港澳大湾区', '江门市 MEMBER_OF 粤港澳大湾区', '江门市 PART_OF 广东省',
    ]));
  });

  it('a province prefix inside the list does not end it; 规划范围包括 / 成员为 / 包括了', () => {
    const got = relations('长江中游城市群规划范围包括：湖北省宜昌市、荆州市，湖南省岳阳市、常德市，江西省九江市。');
    expect(got).toEqual(expect.arrayContaining([
      '宜昌市 MEMBER_OF 长江中游城市群', '荆州市 MEMBER_OF 长江中游城市群', '岳阳市 MEMBER_OF 长江中游城市群',
      '常德市 MEMBER_OF 长江中游城市群', '九江市 MEMBER_OF 长江中游城市群', '常德市 PART_OF 湖南省',
    ]));
    expect(relations('关中平原城市群包括了陕西省的宝鸡市、铜川市等5个城市，甘肃省的天水市。')).toEqual(expect.arrayContaining([
      '宝鸡市 MEMBER_OF 关中平原城市群', '铜川市 MEMBER_OF 关中平原城市群', '天水市 MEMBER_OF 关中平原城市群',
    ]));
    expect(relations('合肥都市圈成员为合肥、淮南、六安和滁州。')).toHaveLength(4);
    expect(relations('杭州都市圈早期的规划范围为杭州、嘉兴两市。')).toEqual([
      '杭州市 MEMBER_OF 杭州都市圈', '嘉兴市 MEMBER_OF 杭州都市圈',
    ]);
  });

  it('a list continues after a bracketed sub-list and across an unknown item', () => {
    expect(relations('成都城市群包括成都市、乐山市（沙湾区、夹江县）、雅安市。')).toEqual(expect.arrayContaining([
      '雅安市 MEMBER_OF 成都城市群', '夹江县 MEMBER_OF 成都城市群', '夹江县 PART_OF 乐山市',
    ]));
    expect(relations('重庆都市圈包括重庆主城都市区9个区和四川省广安市。')).toContain('广安市 MEMBER_OF 重庆都市圈');
  });

  it('<C>…与/由<list>共同组成, not a list describing another cluster', () => {
    expect(relations('西安都市圈以西安市为中心，与咸阳市、铜川市共同组成。')).toEqual(expect.arrayContaining([
      '西安市 CORE_OF 西安都市圈', '咸阳市 MEMBER_OF 西安都市圈', '铜川市 MEMBER_OF 西安都市圈',
    ]));
    expect(relations('长株潭城市群的目标是建设以长株潭为中心，包括岳阳、常德的“3+5”城市群。')).toEqual([]);
  });

  it('<list>等N个<C>成员城市, <list>(两市)?加入<C>, 属于, not 未加入', () => {
    expect(relations('宝鸡、天水等5个关中平原城市群成员城市参加会议。')).toEqual([
      '宝鸡市 MEMBER_OF 关中平原城市群', '天水市 MEMBER_OF 关中平原城市群',
    ]);
    expect(relations('衢州、黄山两市正式加入杭州都市圈。')).toEqual([
      '衢州市 MEMBER_OF 杭州都市圈', '黄山市 MEMBER_OF 杭州都市圈',
    ]);
    expect(relations('宣城尚未加入杭州都市圈。')).toEqual([]);
    expect(relations('滁州是安徽省下辖的地级市，明确属于南京都市圈。')).toEqual([
      '滁州市 MEMBER_OF 南京都市圈', '滁州市 PART_OF 安徽省',
    ]);
    expect(relations('扬州并不属于南京都市圈。')).toEqual([]);
  });
});

describe('cores and roles', () => {
  it('以A、B为核心; the subject cluster before 以, not the nearest one', () => {
    expect(relations('粤闽浙沿海城市群以福州、厦门为核心。')).toEqual([
      '福州市 MEMBER_OF 粤闽浙沿海城市群', '福州市 CORE_OF 粤闽浙沿海城市群',
      '厦门市 MEMBER_OF 粤闽浙沿海城市群', '厦门市 CORE_OF 粤闽浙沿海城市群',
    ]);
    const got = relations('长江中游城市群是一个以武汉为核心，由武汉城市圈、环鄱阳湖城市群组成的城市群。');
    expect(got).toContain('武汉市 CORE_OF 长江中游城市群');
    expect(got).not.toContain('武汉市 CORE_OF 武汉城市圈');
    expect(relations('杭州都市圈是以杭州为中心的经济区域。')).toContain('杭州市 CORE_OF 杭州都市圈');
  });

  it('作为C的核心，P; P(和Q)是C的核心城市; P…，是C的重要节点城市 (member only)', () => {
    expect(relations('作为成渝城市群的核心，成都也是国家中心城市。')).toContain('成都市 CORE_OF 成渝城市群');
    expect(relations('沈阳市和大连市是辽中南城市群的核心城市。')).toEqual([
      '沈阳市 MEMBER_OF 辽中南城市群', '沈阳市 CORE_OF 辽中南城市群', '大连市 MEMBER_OF 辽中南城市群', '大连市 CORE_OF 辽中南城市群',
    ]);
    expect(relations('大庆市作为重要的石油城市，是哈长城市群的重要节点城市。')).toEqual(['大庆市 MEMBER_OF 哈长城市群']);
  });
});

describe('regions and cities scoping places', () => {
  it('a city scoping the list after it, checked against the gazetteer', () => {
    expect(relations('规划范围包括镇江市京口区、润州区和句容市，扬州市仪征市。')).toEqual(expect.arrayContaining([
      '京口区 PART_OF 镇江市', '润州区 PART_OF 镇江市', '句容市 PART_OF 镇江市', '仪征市 PART_OF 扬州市',
    ]));
    expect(relations('规划范围包括镇江市京口区、润州区和句容市，扬州市仪征市。')).not.toContain('扬州市 PART_OF 镇江市');
    expect(relations('广州都市圈新增肇庆的四会市。')).toContain('四会市 PART_OF 肇庆市');
    expect(relations('湖北省内的两个城市宜昌市和荆州市。')).toEqual(['宜昌市 PART_OF 湖北省', '荆州市 PART_OF 湖北省']);
  });

  it('X是R…的区域 / 也是R…的板块; P作为R的中心城市; 作为R重镇，P', () => {
    expect(relations('报告指出，滇中城市群是云南经济最活跃的区域，也是西部地区快速成长的板块。')).toEqual([
      '滇中城市群 PART_OF 云南省', '滇中城市群 PART_OF 西部地区',
    ]);
    expect(relations('滇中城市群占云南和西部地区比重较大。')).toEqual([]);
    expect(relations('长沙作为湖南的中心城市，辐射全省。')).toEqual(['长沙市 PART_OF 湖南省']);
    expect(relations('作为中部工业重镇，株洲发展迅速。')).toEqual(['株洲市 PART_OF 中部地区']);
  });
});

describe('place names in cluster texts', () => {
  it('a cluster named after a region: 中原都市圈, 关中平原都市圈, 海峡西岸都市圈', () => {
    expect(names('中原都市圈和关中平原都市圈、海峡西岸都市圈。')).toEqual([
      '中原都市圈=中原都市圈', '关中平原都市圈=关中平原都市圈', '海峡西岸都市圈=海峡西岸都市圈',
    ]);
  });

  it('大X都市圈 is its own name, not inside 扩大', () => {
    expect(names('建设大南京都市圈。')).toEqual(['大南京都市圈=大南京都市圈']);
    expect(names('扩大南京都市圈范围。')).toEqual(['南京都市圈=南京都市圈']);
  });

  it('abbreviation combos sharing a counted head: 烟威、东滨四个都市区; cities before 等都市区 stay cities', () => {
    expect(names('构建烟威、东滨、临日三个都市区。')).toEqual(['烟威=烟威都市区', '东滨=东滨都市区', '临日=临日都市区']);
    expect(names('包括大阪、名古屋等都市区。')).toEqual(['大阪=大阪', '名古屋=名古屋']);
  });

  it('a macro-region + 城市群 is generic; belt words qualifying cities', () => {
    expect(names('哈长城市群是东北地区城市群的组成部分。')).toEqual(['哈长城市群=哈长城市群', '东北地区=东北地区']);
    expect(names('西部12个省会城市和中部城市。')).toEqual(['西部=西部地区', '中部=中部地区']);
    expect(names('中西部城市和东部城市群。')).toEqual([]);
  });

  it('autonomous prefectures by short name + 州; 景德镇 after 和; 连南接北 is an idiom', () => {
    expect(names('延边州和恩施州。')).toEqual(['延边州=延边朝鲜族自治州', '恩施州=恩施土家族苗族自治州']);
    expect(names('辐射江西上饶和景德镇。')).toEqual(['江西=江西省', '上饶=上饶市', '景德镇=景德镇市']);
    expect(names('该区域连南接北、承东启西。')).toEqual([]);
  });

  it('zones and clusters of the lexicon; a city cluster inside a meeting name is not a mention', () => {
    expect(names('杨凌示范区和环长株潭城市群。')).toEqual([
      '杨凌示范区=杨凌农业高新技术产业示范区', '环长株潭城市群=环长株潭城市群',
    ]);
    expect(names('南京都市圈第三次市长联席会议召开。')).toEqual([]);
  });
});
