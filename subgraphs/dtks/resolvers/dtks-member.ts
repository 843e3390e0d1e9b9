import { memberResolvers } from '../../../common/subgraph/register-resolvers';

export const DtksMember = memberResolvers();
