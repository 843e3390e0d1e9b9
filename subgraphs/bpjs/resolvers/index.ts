import type { Resolvers } from '../generated/resolvers-types';
import { AuditTrail } from './audit-trail';
import { BpjsEnrolment } from './bpjs-enrolment';
import { Household } from './household';
import { Person } from './person';
import { Query } from './query';

export const bpjsResolvers: Resolvers = { Query, Household, Person, AuditTrail, BpjsEnrolment };
