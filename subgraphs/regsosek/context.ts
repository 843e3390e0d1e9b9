import type { RegisterContext } from '../../common/subgraph/register-resolvers';
import type { RegsosekFamilyRecord, RegsosekMemberRecord } from './records';
import type { RegsosekFamilyFilter } from './repository';

/** What every Regsosek resolver receives; common/subgraph/register-app.ts builds it per request. */
export type RegsosekContext = RegisterContext<RegsosekFamilyRecord, RegsosekMemberRecord, RegsosekFamilyFilter>;
