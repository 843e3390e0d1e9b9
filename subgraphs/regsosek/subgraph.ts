import type { RegisterDescriptor } from '../../common/subgraph/descriptor';
import type { RegsosekFamilyRecord } from './records';

export type * from './records';

/** Regsosek 2022 (BPS): housing, assets, each person's schooling, work, disability and insurance; the DTSEN welfare ranking. */
export const REGSOSEK: RegisterDescriptor<RegsosekFamilyRecord> = {
  kind: 'stored',
  name: 'regsosek',
  register: true,
  defaultPort: 4002,
  // The seed generator draws the registers' records together (common/subgraph/seed-batch.ts).
  seedRows: (batch) => (batch.drawn['regsosek'] ?? []) as readonly RegsosekFamilyRecord[],
  // Required on first use: its entities and resolvers are heavy (common/subgraph/descriptor.ts).
  load: async () => (require('./parts') as typeof import('./parts')).REGSOSEK_PARTS,
};
