import { sensitiveField } from '../../../common/subgraph/record-fields';

export const DtksReceipt = {
  pkhComponents: sensitiveField('pkhComponents'),
};
