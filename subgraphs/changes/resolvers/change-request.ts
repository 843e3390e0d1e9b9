import { forbidden } from '../../../common/errors';
import { requireScope } from '../../../common/subgraph/access';
import type { ChangeRequestResolvers } from '../generated/resolvers-types';
import { served } from './served';

export const ChangeRequest: ChangeRequestResolvers = {
  __resolveReference: async (reference, context) => {
    requireScope(context.principal, ['lookup'], 'Reading a change request');
    const request = await context.loaders.requestById.load(reference.id);
    if (request === null) return null;
    const [visible] = served(context, [request]);
    if (visible === undefined) throw forbidden('This change request is outside your regions or programmes');
    return visible;
  },
  id: (request) => request.id,
  noKK: (request) => request.noKK,
  kind: (request) => request.kind,
  channel: (request) => request.channel,
  program: (request) => request.program,
  regionCode: (request) => request.regionCode,
  payload: (request) => request.payload,
  evidence: (request) => request.evidence,
  state: (request) => request.state,
  period: (request) => request.period,
  proposedBy: (request) => request.proposedBy,
  createdAt: (request) => request.createdAt,
  updatedAt: (request) => request.updatedAt,
  history: (request, _args, context) => context.loaders.transitionsById.load(request.id),
};
