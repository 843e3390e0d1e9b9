import type { ChangePayloadResolvers } from '../generated/resolvers-types';

export const ChangePayload: ChangePayloadResolvers = {
  __resolveType: (payload) => payload.type,
};
