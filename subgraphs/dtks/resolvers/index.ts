import type { Resolvers } from '../generated/resolvers-types';
import { AuditTrail } from './audit-trail';
import { DtksMember } from './dtks-member';
import { Household } from './household';
import { Person } from './person';
import { Query } from './query';

export const dtksResolvers: Resolvers = { Query, Household, Person, AuditTrail, DtksMember };
