import { familyRecordResolvers } from '../../../common/subgraph/register-resolvers';

export const P3keFamily = familyRecordResolvers();
