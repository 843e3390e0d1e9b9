import { familyRecordResolvers } from '../../../common/subgraph/register-resolvers';

export const RegsosekFamily = familyRecordResolvers();
