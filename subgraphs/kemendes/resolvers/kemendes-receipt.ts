import { familyReference, unmaskedParent } from '../../../common/subgraph/register-resolvers';
import type { KemendesReceiptResolvers } from '../generated/resolvers-types';

/** The receipt is an entity that dtsen references from `Household.kemendes` (or leaves null, so Kemendes is not asked). */
export const KemendesReceipt: KemendesReceiptResolvers = {
  __resolveReference: familyReference,
  regionCode: (receipt) => receipt.regionCode,
  address: (receipt) => receipt.address,
  rt: (receipt) => receipt.rt,
  rw: (receipt) => receipt.rw,
  since: (receipt) => receipt.since,
  status: (receipt) => receipt.status,
  monthlyAmount: (receipt) => receipt.monthlyAmount,
  members: (receipt) => receipt.members,
  input: unmaskedParent,
};
