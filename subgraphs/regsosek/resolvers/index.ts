import type { RegisterResolvers } from '../../../common/subgraph/register-resolvers';
import { RegsosekMember } from './regsosek-member';
import { Household } from './household';
import { Person } from './person';
import { Query } from './query';

export const regsosekResolvers: RegisterResolvers = { Query, Household, Person, RegsosekMember };
