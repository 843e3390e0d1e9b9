import type { SeedBatch } from '../common/subgraph/seed-batch';
import type { GeneratedBatch } from './generator';

/** What every stored subgraph's `seedRows` reads of a generated batch (subgraphs/<name>/subgraph.ts). */
export function seedBatchOf(batch: GeneratedBatch): SeedBatch {
  return { households: batch.households, drawn: { dtks: batch.dtks, regsosek: batch.regsosek, p3ke: batch.p3ke, kemendes: batch.kemendes, bpjs: batch.bpjs } };
}
