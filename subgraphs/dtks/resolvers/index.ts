import type { RegisterResolvers } from '../../../common/subgraph/register-resolvers';
import { AuditTrail } from './audit-trail';
import { DtksMember } from './dtks-member';
import { Household } from './household';
import { Person } from './person';
import { Query } from './query';

export const dtksResolvers: RegisterResolvers = { Query, Household, Person, AuditTrail, DtksMember };
