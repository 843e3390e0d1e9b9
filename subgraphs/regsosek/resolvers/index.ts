import type { Resolvers } from '../generated/resolvers-types';
import { AuditTrail } from './audit-trail';
import { Household } from './household';
import { Person } from './person';
import { Query } from './query';
import { RegsosekMember } from './regsosek-member';

export const regsosekResolvers: Resolvers = { Query, Household, Person, AuditTrail, RegsosekMember };
