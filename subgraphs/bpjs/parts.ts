import type { StoredSubgraphParts } from '../../common/subgraph/descriptor';
import { BPJS_FORMAT } from './import-format';
import type { BpjsEnrolmentRecord, BpjsFamilyRecord } from './records';
import { bpjsStoreLayout } from './repository';
import { bpjsResolvers } from './resolvers';
import { BPJS_STORE } from './store';

/** What serving, seeding and importing BPJS load, behind its descriptor's `load()` (subgraph.ts). */
export const BPJS_PARTS: StoredSubgraphParts<BpjsFamilyRecord, BpjsEnrolmentRecord> = {
  store: BPJS_STORE,
  layout: bpjsStoreLayout,
  resolvers: bpjsResolvers,
  importFormat: BPJS_FORMAT,
};
