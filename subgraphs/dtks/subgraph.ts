import type { RegisterDescriptor } from '../../common/subgraph/descriptor';
import type { DtksFamilyRecord } from './records';

export type * from './records';

/** DTKS (Kemensos): who receives PKH, BPNT, PBI-JK and PIP, the legacy welfare percentile, verification. */
export const DTKS: RegisterDescriptor<DtksFamilyRecord> = {
  kind: 'stored',
  name: 'dtks',
  register: true,
  defaultPort: 4001,
  // The seed generator draws the registers' records together (common/subgraph/seed-batch.ts).
  seedRows: (batch) => (batch.drawn['dtks'] ?? []) as readonly DtksFamilyRecord[],
  // Required on first use: its entities and resolvers are heavy (common/subgraph/descriptor.ts).
  load: async () => (require('./parts') as typeof import('./parts')).DTKS_PARTS,
};
