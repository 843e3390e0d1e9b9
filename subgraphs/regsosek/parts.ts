import type { StoredSubgraphParts } from '../../common/subgraph/descriptor';
import { REGSOSEK_FORMAT } from './import-format';
import type { RegsosekFamilyRecord, RegsosekMemberRecord } from './records';
import { regsosekStoreLayout } from './repository';
import { regsosekResolvers } from './resolvers';
import { REGSOSEK_STORE } from './store';

/** What serving, seeding and importing REGSOSEK load, behind its descriptor's `load()` (subgraph.ts). */
export const REGSOSEK_PARTS: StoredSubgraphParts<RegsosekFamilyRecord, RegsosekMemberRecord> = {
  store: REGSOSEK_STORE,
  layout: regsosekStoreLayout,
  resolvers: regsosekResolvers,
  importFormat: REGSOSEK_FORMAT,
};
