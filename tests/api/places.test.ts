import { describe, expect, it } from 'vitest';
import { ok, useApi } from './helpers.js';

describe('places, clusters, policies, aliases', () => {
  const api = useApi();

  it('knows 钦州市 is part of 广西壮族自治区, with ancestors nearest first', async () => {
    const { place } = ok(await api.gql(`{ place(name: "钦州市") {
      id name type level code partOf { name level } ancestors { name level } } }`));
    expect(place.name).toBe('钦州市');
    expect(place.type).toBe('PLACE');
    expect(place.partOf.name).toBe('广西壮族自治区');
    expect(place.ancestors[0].name).toBe('广西壮族自治区');
    expect(place.ancestors.map((a: { name: string }) => a.name)).toContain('广西壮族自治区');
  });

  it('finds a place by its short name (钦州)', async () => {
    const { place } = ok(await api.gql('{ place(name: "钦州") { name } }'));
    expect(place?.name).toBe('钦州市');
  });

  it('lists 南宁市 among the members of 北部湾城市群, and the cluster among 南宁市\'s clusters', async () => {
    const { place } = ok(await api.gql(`{ place(name: "北部湾城市群") {
      name level members(first: 100) { totalCount edges { core node { name partOf { name } } } } } }`));
    expect(place.level).toBe('cluster');
    const names = place.members.edges.map((e: { node: { name: string } }) => e.node.name);
    expect(names).toContain('南宁市');
    expect(place.members.totalCount).toBe(names.length);
    const nanning = ok(await api.gql('{ place(name: "南宁市") { clusters { name } partOf { name } } }'));
    expect(nanning.place.clusters.map((c: { name: string }) => c.name)).toContain('北部湾城市群');
  });

  it('lists a province\'s children as members', async () => {
    const { place } = ok(await api.gql('{ place(name: "广西壮族自治区") { members(first: 200) { edges { node { name } } } } }'));
    expect(place.members.edges.map((e: { node: { name: string } }) => e.node.name)).toContain('钦州市');
  });

  it('knows who issued policies: 关于深入推进新型城镇化建设的若干意见 by 国务院', async () => {
    const { search } = ok(await api.gql(`{ search(query: "意见", types: [POLICY], first: 100) {
      edges { node { name ... on Policy { issued issuedBy { id name type } covers { name } } } } } }`));
    const policies = search.edges.map((e: any) => e.node);
    expect(policies.some((p: any) => p.issuedBy.length > 0)).toBe(true);
    const { entity } = ok(await api.gql(`{ entity(name: "关于深入推进新型城镇化建设的若干意见") {
      __typename id name aliases ... on Policy { issuedBy { name type ... on Organization { issued(first: 100) { edges { node { id } } } } } } } }`));
    expect(entity.__typename).toBe('Policy');
    const issuer = entity.issuedBy.find((o: { name: string }) => o.name === '国务院');
    expect(issuer, JSON.stringify(entity.issuedBy)).toBeTruthy();
    expect(issuer.type).toBe('ORGANIZATION');
    expect([entity.name, ...entity.aliases]).toContain('关于深入推进新型城镇化建设的若干意见');
    expect(issuer.issued.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(entity.id);
  });

  it('resolves an alias: 国家发改委 → 国家发展和改革委员会', async () => {
    const { entity } = ok(await api.gql(`{ entity(name: "国家发改委") {
      id name type aliases mentionCount documentCount
      mentions(first: 5) { totalCount edges { node { surface start end sentence { id text document { id title } } } } } } }`));
    expect(entity.name).toBe('国家发展和改革委员会');
    expect(entity.type).toBe('ORGANIZATION');
    expect(entity.aliases).toContain('国家发改委');
    expect(entity.mentionCount).toBeGreaterThan(0);
    for (const { node } of entity.mentions.edges) {
      expect(node.sentence.text).toContain(node.surface);
      expect(node.sentence.document.id).toBeTruthy();
    }
    const byId = ok(await api.gql('query($id: ID) { entity(id: $id) { name } }', { id: entity.id }));
    expect(byId.entity.name).toBe('国家发展和改革委员会');
  });

  it('refuses entity() without id or name, and answers null for unknown names', async () => {
    const bad = await api.gql('{ entity { id } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const none = ok(await api.gql('{ entity(name: "不存在的实体名") { id } place(name: "不存在的地方") { id } }'));
    expect(none.entity).toBeNull();
    expect(none.place).toBeNull();
  });
});
