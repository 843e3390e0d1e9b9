import type { Resolvers } from '../generated/resolvers-types';
import type { ChangeService } from '../service';
import { AuditTrail } from './audit-trail';
import { ChangePayload } from './change-payload';
import { ChangeRequest } from './change-request';
import { Household } from './household';
import { mutationResolvers } from './mutation';
import { Query } from './query';

/** The changes subgraph's resolver map, its mutations writing through `service`. */
export function changesResolvers(service: ChangeService): Resolvers {
  return { Query, Mutation: mutationResolvers(service), Household, ChangeRequest, ChangePayload, AuditTrail };
}
