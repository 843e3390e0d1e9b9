import type { RegisterContext } from '../../common/subgraph/register-resolvers';
import type { DtksFamilyRecord, DtksMemberRecord } from './records';
import type { DtksFamilyFilter } from './repository';

/** What every DTKS resolver receives; common/subgraph/register-app.ts builds it per request. */
export type DtksContext = RegisterContext<DtksFamilyRecord, DtksMemberRecord, DtksFamilyFilter>;
