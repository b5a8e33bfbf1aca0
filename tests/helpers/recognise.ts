import type { SegmentedDoc } from '../../ingest/types.js';
import type { Candidate } from '../../ingest/extract/candidate.js';
import { extractPlaces } from '../../ingest/extract/places.js';
import { extractOrganizations } from '../../ingest/extract/organizations.js';
import { extractPolicies, issuedBy } from '../../ingest/extract/policies.js';
import { makeDoc, segmentedDoc } from './make-doc.js';

type Recogniser = (doc: SegmentedDoc) => Candidate[];

/** [surface, name] of every candidate the recogniser finds in makeDoc(text). */
export const surfaceNames = (recognise: Recogniser) => (text: string): string[][] =>
  recognise(makeDoc(text)).map((c) => [c.surface, c.name]);

/** The surface of every candidate the recogniser finds in makeDoc(text). */
export const surfacesOf = (recognise: Recogniser) => (text: string): string[] =>
  recognise(makeDoc(text)).map((c) => c.surface);

/** surface=name for every PLACE candidate of a segmented (jieba-tokenised) doc. */
export function placeNames(text: string, title?: string): string[] {
  return extractPlaces(segmentedDoc(text, title)).candidates.map((c) => `${c.surface}=${c.name}`);
}

/** [policy, org] of the ISSUED_BY facts among the policies and organizations of makeDoc(text). */
export function issuerPairs(text: string): string[][] {
  const doc = makeDoc(text);
  return issuedBy(doc, extractPolicies(doc), extractOrganizations(doc)).map((f) => [f.policy, f.org]);
}
