import { maskedFamilyFields } from '../../../common/subgraph/register-resolvers';
import type { DtksFamilyResolvers } from '../generated/resolvers-types';

export const DtksFamily: DtksFamilyResolvers = maskedFamilyFields;
