import type { RegisterDescriptor } from '../../common/subgraph/descriptor';
import type { BpjsFamilyRecord } from './records';

export type * from './records';

/** BPJS Kesehatan: each person's JKN enrolment (PBI-JK among its segments), recorded under a No. KK. */
export const BPJS: RegisterDescriptor<BpjsFamilyRecord> = {
  kind: 'stored',
  name: 'bpjs',
  register: true,
  defaultPort: 4006,
  // The seed generator draws the registers' records together (common/subgraph/seed-batch.ts).
  seedRows: (batch) => (batch.drawn['bpjs'] ?? []) as readonly BpjsFamilyRecord[],
  // Required on first use: its entities and resolvers are heavy (common/subgraph/descriptor.ts).
  load: async () => (require('./parts') as typeof import('./parts')).BPJS_PARTS,
};
