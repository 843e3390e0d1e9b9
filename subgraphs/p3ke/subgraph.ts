import type { RegisterDescriptor } from '../../common/subgraph/descriptor';
import type { P3keFamilyRecord } from './records';

export type * from './records';

/** P3KE (Kemenko PMK): the poorest 40 %: desil 1-4, extreme poverty, house feasibility, interventions. */
export const P3KE: RegisterDescriptor<P3keFamilyRecord> = {
  kind: 'stored',
  name: 'p3ke',
  register: true,
  defaultPort: 4003,
  // The seed generator draws the registers' records together (common/subgraph/seed-batch.ts).
  seedRows: (batch) => (batch.drawn['p3ke'] ?? []) as readonly P3keFamilyRecord[],
  // Required on first use: its entities and resolvers are heavy (common/subgraph/descriptor.ts).
  load: async () => (require('./parts') as typeof import('./parts')).P3KE_PARTS,
};
