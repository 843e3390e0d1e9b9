import type { RegisterContext } from '../../common/subgraph/register-resolvers';
import type { BpjsEnrolmentRecord, BpjsFamilyRecord } from './records';
import type { BpjsFamilyFilter } from './repository';

/** What every BPJS resolver receives; common/subgraph/register-app.ts builds it per request. */
export type BpjsContext = RegisterContext<BpjsFamilyRecord, BpjsEnrolmentRecord, BpjsFamilyFilter>;
