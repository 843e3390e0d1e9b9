import { maskedFamilyFields } from '../../../common/subgraph/register-resolvers';
import type { RegsosekFamilyResolvers } from '../generated/resolvers-types';

export const RegsosekFamily: RegsosekFamilyResolvers = maskedFamilyFields;
