import type { StoredSubgraphParts } from '../../common/subgraph/descriptor';
import { DTKS_FORMAT } from './import-format';
import type { DtksFamilyRecord, DtksMemberRecord } from './records';
import { dtksStoreLayout } from './repository';
import { dtksResolvers } from './resolvers';
import { DTKS_STORE } from './store';

/** What serving, seeding and importing DTKS load, behind its descriptor's `load()` (subgraph.ts). */
export const DTKS_PARTS: StoredSubgraphParts<DtksFamilyRecord, DtksMemberRecord> = {
  store: DTKS_STORE,
  layout: dtksStoreLayout,
  resolvers: dtksResolvers,
  importFormat: DTKS_FORMAT,
};
