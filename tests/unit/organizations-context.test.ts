import { describe, expect, it } from 'vitest';
import { surfaceNames } from '../helpers/recognise.js';
import { extractOrganizations } from '../../ingest/extract/organizations.js';

const got = surfaceNames(extractOrganizations);

describe('organizations named by their context', () => {
  it('addressee groups name one generic government per level', () => {
    expect(got('各省、自治区、直辖市人民政府，国务院各部委：')).toEqual([
      ['各省、自治区、直辖市人民政府', '省级政府'], ['国务院', '国务院'],
    ]);
    expect(got('各设区的市人民政府，各县(市、区)人民政府：')).toEqual([
      ['各设区的市人民政府', '市级政府'], ['各县(市、区)人民政府', '县级政府'],
    ]);
  });

  it('levels coordinated before 级政府 are one government each', () => {
    expect(got('省、市、县级政府要加大投入')).toEqual([['省', '省级政府'], ['市', '市级政府'], ['县级政府', '县级政府']]);
  });

  it('places listed before a shared 人民政府 are governments too', () => {
    expect(got('湖北、湖南省人民政府要加强组织领导')).toEqual([['湖北', '湖北省人民政府'], ['湖南省人民政府', '湖南省人民政府']]);
  });

  it('a bare 省委/省政府/省…厅 is the province named in the sentence, else the document\'s own province', () => {
    expect(got('会后，江西省委省政府召开专题会议')).toEqual([['江西省委', '中国共产党江西省委员会'], ['省政府', '江西省人民政府']]);
    const doc = '福建省人民政府办公厅关于加快小城镇建设的通知\n经省委、省政府同意，现印发给你们。\n省住建厅要加强指导。';
    expect(got(doc).slice(1)).toEqual([
      ['省委', '中国共产党福建省委员会'], ['省政府', '福建省人民政府'], ['省住建厅', '福建省住房和城乡建设厅'],
    ]);
    // no province in view, or 各省: the generic actor
    expect(got('省政府要统筹安排')).toEqual([['省政府', '省级政府']]);
    expect(got('安徽省的做法表明，各省政府都在推进')).toEqual([['省政府', '省级政府']]);
  });

  it('中央 issuing or proposing a policy is the central government', () => {
    expect(got('党的十八大以来，中央提出一系列新要求')).toEqual([['中央', '中央政府']]);
    expect(got('中央财政加大转移支付')).toEqual([]);
  });

  it('zone committees, leading groups, 解放军 schools and sub-units', () => {
    expect(got('会议由赣江新区管委会主办')).toEqual([['赣江新区管委会', '赣江新区管理委员会']]);
    expect(got('省里成立了推进新型城镇化工作领导小组')).toEqual([['推进新型城镇化工作领导小组', '推进新型城镇化工作领导小组']]);
    expect(got('毕业于解放军理工大学')).toEqual([['解放军理工大学', '中国人民解放军理工大学']]);
    expect(got('湖北省委政策研究室牵头')).toEqual([['湖北省委政策研究室', '中国共产党湖北省委员会政策研究室']]);
    // 有关部门 and 决策部署 are no sub-units
    expect(got('国务院有关部门要按照职能分工')).toEqual([['国务院', '国务院']]);
    expect(got('落实党中央、国务院决策部署')).toEqual([['党中央', '中国共产党中央委员会'], ['国务院', '国务院']]);
  });

  it('bare 政府 as an actor, not as a modifier or inside an event name', () => {
    expect(got('这使政府难以兼顾')).toEqual([['政府', '政府']]);
    expect(got('政府部门和政府机构应当配合')).toEqual([]);
    expect(got('中共十九大以来')).toEqual([]);
  });

  it('an organisation introduced with （以下简称“…”） is meant by the short name within its section', () => {
    const t = '江南城镇发展研究中心（以下简称“中心”）成立于2015年。中心由三所高校共建。中心城镇是研究对象。';
    expect(got(t)).toEqual([
      ['江南城镇发展研究中心', '江南城镇发展研究中心'],
      ['中心', '江南城镇发展研究中心'],
      ['中心', '江南城镇发展研究中心'],
    ]);
  });
});
