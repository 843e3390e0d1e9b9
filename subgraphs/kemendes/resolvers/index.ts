import type { Resolvers } from '../generated/resolvers-types';
import { AuditTrail } from './audit-trail';
import { Household } from './household';
import { KemendesRecipient } from './kemendes-recipient';
import { Person } from './person';
import { Query } from './query';

export const kemendesResolvers: Resolvers = { Query, Household, Person, AuditTrail, KemendesRecipient };
