import type { StoredSubgraphParts } from '../../common/subgraph/descriptor';
import { KEMENDES_FORMAT } from './import-format';
import type { KemendesFamilyRecord, KemendesRecipientRecord } from './records';
import { kemendesStoreLayout } from './repository';
import { kemendesResolvers } from './resolvers';
import { KEMENDES_STORE } from './store';

/** What serving, seeding and importing Kemendes load, behind its descriptor's `load()` (subgraph.ts). */
export const KEMENDES_PARTS: StoredSubgraphParts<KemendesFamilyRecord, KemendesRecipientRecord> = {
  store: KEMENDES_STORE,
  layout: kemendesStoreLayout,
  resolvers: kemendesResolvers,
  importFormat: KEMENDES_FORMAT,
};
