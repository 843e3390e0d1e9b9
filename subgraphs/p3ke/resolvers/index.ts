import type { RegisterResolvers } from '../../../common/subgraph/register-resolvers';
import { P3keMember } from './p3ke-member';
import { Household } from './household';
import { Person } from './person';
import { Query } from './query';

export const p3keResolvers: RegisterResolvers = { Query, Household, Person, P3keMember };
