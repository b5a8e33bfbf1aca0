import { describe, expect, it } from 'vitest';
import { surfaceNames } from '../helpers/recognise.js';
import { extractTheories } from '../../ingest/extract/theories.js';

/** Rules added while reading fresh, unannotated texts (examples written for the tests). */
describe('extractTheories on unseen wording', () => {
  const th = surfaceNames(extractTheories);

  it('reads a listed model without a generic modifier, but keeps a named theory that ends in a listed one', () => {
    expect(th('本研究采用修正引力模型测算联系强度')).toEqual([['引力模型', '引力模型']]);
    expect(th('阐明传统中心地理论的局限')).toEqual([['中心地理论', '中心地理论']]);
    expect(th('依据能级梯度理论布局')).toEqual([['能级梯度理论', '能级梯度理论']]);
  });

  it('does not read a preposition glued to the suffix as a name', () => {
    expect(th('以下各节对模型进行检验')).toEqual([]);
  });

  it('knows agglomeration economies, their two kinds, network effects and the Lewis turning point', () => {
    expect(th('集聚经济与网络效应共同作用')).toEqual([['集聚经济', '集聚经济'], ['网络效应', '网络效应']]);
    expect(th('区分地方化经济和城市化经济')).toEqual([['地方化经济', '地方化经济'], ['城市化经济', '城市化经济']]);
    expect(th('越过刘易斯转折点以后')).toEqual([['刘易斯转折点', '刘易斯拐点']]);
  });
});
