import type { RegisterContext } from '../../common/subgraph/register-resolvers';
import type { P3keFamilyRecord, P3keMemberRecord } from './records';
import type { P3keFamilyFilter } from './repository';

/** What every P3KE resolver receives; common/subgraph/register-app.ts builds it per request. */
export type P3keContext = RegisterContext<P3keFamilyRecord, P3keMemberRecord, P3keFamilyFilter>;
