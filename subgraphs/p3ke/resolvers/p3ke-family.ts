import { maskedFamilyFields } from '../../../common/subgraph/register-resolvers';
import type { P3keFamilyResolvers } from '../generated/resolvers-types';

export const P3keFamily: P3keFamilyResolvers = maskedFamilyFields;
