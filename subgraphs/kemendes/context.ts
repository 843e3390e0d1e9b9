import type { RegisterContext } from '../../common/subgraph/register-resolvers';
import type { KemendesFamilyRecord, KemendesRecipientRecord } from './records';
import type { KemendesFamilyFilter } from './repository';

/** What every Kemendes resolver receives; common/subgraph/register-app.ts builds it per request. */
export type KemendesContext = RegisterContext<KemendesFamilyRecord, KemendesRecipientRecord, KemendesFamilyFilter>;
