import type { RegisterResolvers } from '../../../common/subgraph/register-resolvers';
import { AuditTrail } from './audit-trail';
import { Household } from './household';
import { Person } from './person';
import { Query } from './query';
import { RegsosekMember } from './regsosek-member';

export const regsosekResolvers: RegisterResolvers = { Query, Household, Person, AuditTrail, RegsosekMember };
