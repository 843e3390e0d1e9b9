import { memberResolvers } from '../../../common/subgraph/register-resolvers';

export const P3keMember = memberResolvers();
