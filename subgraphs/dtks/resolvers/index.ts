import type { RegisterResolvers } from '../../../common/subgraph/register-resolvers';
import { AuditTrail } from './audit-trail';
import { DtksFamily } from './dtks-family';
import { DtksMember } from './dtks-member';
import { DtksReceipt } from './dtks-receipt';
import { Household } from './household';
import { Person } from './person';
import { Query } from './query';

export const dtksResolvers: RegisterResolvers = { Query, Household, Person, AuditTrail, DtksFamily, DtksMember, DtksReceipt };
