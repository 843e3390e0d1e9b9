import type { RegisterDescriptor } from '../../common/subgraph/descriptor';
import type { KemendesFamilyRecord } from './records';

export type * from './records';

/** Kemendes PDT: BLT Dana Desa receipts per family, as each desa records them. */
export const KEMENDES: RegisterDescriptor<KemendesFamilyRecord> = {
  kind: 'stored',
  name: 'kemendes',
  register: true,
  defaultPort: 4005,
  // The seed generator draws the registers' records together (common/subgraph/seed-batch.ts).
  seedRows: (batch) => (batch.drawn['kemendes'] ?? []) as readonly KemendesFamilyRecord[],
  // Required on first use: its entities and resolvers are heavy (common/subgraph/descriptor.ts).
  load: async () => (require('./parts') as typeof import('./parts')).KEMENDES_PARTS,
};
