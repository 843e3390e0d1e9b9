import type { ChangesContext } from '../context';
import type { MutationResolvers } from '../generated/resolvers-types';
import type { ChangeRequestRecord } from '../records';
import type { ChangeService } from '../service';
import { served } from './served';

const caller = (context: ChangesContext) => ({ principal: context.principal, loaders: context.loaders, requestId: context.requestId });

/** The request a mutation answers with, recorded as served (its proposer or verifier reads it back). */
function answered(context: ChangesContext, request: ChangeRequestRecord): ChangeRequestRecord {
  served(context, [request]);
  return request;
}

/** The mutations, over the service that writes the store. */
export function mutationResolvers(service: ChangeService): MutationResolvers {
  return {
    proposeChange: async (_root, args, context) => answered(context, await service.propose(caller(context), args.input, args.idempotencyKey)),
    submitChange: async (_root, args, context) => answered(context, await service.act(caller(context), args.id, 'submit', null, args.idempotencyKey)),
    verifyChange: async (_root, args, context) => answered(context, await service.act(caller(context), args.id, 'verify', null, args.idempotencyKey)),
    rejectChange: async (_root, args, context) => answered(context, await service.act(caller(context), args.id, 'reject', args.reason, args.idempotencyKey)),
    cancelChange: async (_root, args, context) => answered(context, await service.act(caller(context), args.id, 'cancel', args.reason, args.idempotencyKey)),
  };
}
