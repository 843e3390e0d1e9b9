import type { Resolvers } from '../generated/resolvers-types';
import { AuditTrail } from './audit-trail';
import { Household } from './household';
import { P3keMember } from './p3ke-member';
import { Person } from './person';
import { Query } from './query';

export const p3keResolvers: Resolvers = { Query, Household, Person, AuditTrail, P3keMember };
