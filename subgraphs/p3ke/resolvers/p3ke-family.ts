import { maskedFamilyFields } from '../../../common/subgraph/register-resolvers';

export const P3keFamily = maskedFamilyFields;
