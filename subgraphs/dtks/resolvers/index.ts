import type { Resolvers } from '../generated/resolvers-types';
import { AuditTrail } from './audit-trail';
import { DtksFamily } from './dtks-family';
import { DtksMember } from './dtks-member';
import { DtksReceipt } from './dtks-receipt';
import { Household } from './household';
import { Person } from './person';
import { Query } from './query';

export const dtksResolvers: Resolvers = { Query, Household, Person, AuditTrail, DtksFamily, DtksMember, DtksReceipt };
