import { personResolvers } from '../../../common/subgraph/register-resolvers';

export const Person = personResolvers('regsosek');
