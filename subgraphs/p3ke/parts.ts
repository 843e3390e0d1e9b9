import type { StoredSubgraphParts } from '../../common/subgraph/descriptor';
import { P3KE_FORMAT } from './import-format';
import type { P3keFamilyRecord, P3keMemberRecord } from './records';
import { p3keStoreLayout } from './repository';
import { p3keResolvers } from './resolvers';
import { P3KE_STORE } from './store';

/** What serving, seeding and importing P3KE load, behind its descriptor's `load()` (subgraph.ts). */
export const P3KE_PARTS: StoredSubgraphParts<P3keFamilyRecord, P3keMemberRecord> = {
  store: P3KE_STORE,
  layout: p3keStoreLayout,
  resolvers: p3keResolvers,
  importFormat: P3KE_FORMAT,
};
