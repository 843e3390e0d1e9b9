import { maskedFamilyFields } from '../../../common/subgraph/register-resolvers';

export const DtksFamily = maskedFamilyFields;
