import type { OwnStoreSubgraphParts } from '../../common/subgraph/descriptor';
import { buildChangesApp } from './app';
import type { ChangesConfig } from './config';
import { CHANGES_STORE } from './store';

/** What the changes descriptor's load() returns. */
export const CHANGES_PARTS: OwnStoreSubgraphParts<ChangesConfig> = {
  store: CHANGES_STORE,
  buildApp: buildChangesApp,
};
