import { familyRecordResolvers } from '../../../common/subgraph/register-resolvers';

export const DtksFamily = familyRecordResolvers();
