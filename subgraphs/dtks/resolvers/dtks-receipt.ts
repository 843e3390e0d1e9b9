import { sensitiveRecordField } from '../../../common/subgraph/register-resolvers';
import type { DtksReceiptResolvers } from '../generated/resolvers-types';

export const DtksReceipt: DtksReceiptResolvers = {
  pkhComponents: sensitiveRecordField('pkhComponents'),
};
