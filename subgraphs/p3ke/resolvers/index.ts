import type { RegisterResolvers } from '../../../common/subgraph/register-resolvers';
import { AuditTrail } from './audit-trail';
import { Household } from './household';
import { P3keMember } from './p3ke-member';
import { Person } from './person';
import { Query } from './query';

export const p3keResolvers: RegisterResolvers = { Query, Household, Person, AuditTrail, P3keMember };
