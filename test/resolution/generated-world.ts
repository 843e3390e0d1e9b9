import { DEFECT_CODES, generateBatch, type TruthCode } from '../../seed/generator';
import type { GeneratedBatch } from '../../seed/generator';

export const EVALUATION_DATE = new Date('2026-11-28T00:00:00Z');

/**
 * Generated families, as `npm run seed` would store them, with the seeder's truth. Seed 36 gives,
 * in 300 families, every defect code and families only DTKS or only P3KE holds.
 */
export function generatedWorld(families: number, seed = 36): GeneratedBatch {
  return generateBatch({ seed, start: 0, count: families, evaluationDate: EVALUATION_DATE });
}

/** What a world must show for a test over it not to be vacuous. */
export type Shape = TruthCode | 'onlyDtks' | 'onlyP3ke';

const heldBy = (records: readonly { noKK: string }[], noKK: string) => records.some((record) => record.noKK === noKK);

function shapesOf(batch: GeneratedBatch): Set<Shape> {
  const shapes = new Set<Shape>(batch.truth.flatMap((line) => line.defects.map((defect) => defect.code)));
  for (const { noKK } of batch.truth) {
    const regsosek = heldBy(batch.regsosek, noKK);
    if (!regsosek && heldBy(batch.dtks, noKK) && !heldBy(batch.p3ke, noKK)) shapes.add('onlyDtks');
    if (!regsosek && !heldBy(batch.dtks, noKK) && heldBy(batch.p3ke, noKK)) shapes.add('onlyP3ke');
  }
  return shapes;
}

export const EVERY_SHAPE: readonly Shape[] = [...DEFECT_CODES, 'onlyDtks', 'onlyP3ke'];

/**
 * The first `families` families of seed 36's run of `runFamilies`, and after them the fewest pairs
 * of the run's later families (2k, 2k+1: a duplicated NIK spans a pair) that show each of `shapes`
 * the first ones lack, the first pair showing one taken: a small world that still shows them all.
 * Throws naming a shape the whole run lacks, so a test cannot silently lose it.
 */
export function generatedWorldShowing(families: number, shapes: readonly Shape[] = EVERY_SHAPE, runFamilies = 300): GeneratedBatch {
  const batch = (start: number, count: number) => generateBatch({ seed: 36, start, count, runFamilies, evaluationDate: EVALUATION_DATE });
  const batches = [batch(0, families)];
  const shown = shapesOf(batches[0] as GeneratedBatch);
  for (let start = families + (families % 2); start + 1 < runFamilies && shapes.some((shape) => !shown.has(shape)); start += 2) {
    const pair = batch(start, 2);
    const adds = [...shapesOf(pair)].filter((shape) => shapes.includes(shape) && !shown.has(shape));
    if (adds.length === 0) continue;
    batches.push(pair);
    adds.forEach((shape) => shown.add(shape));
  }
  const missing = shapes.filter((shape) => !shown.has(shape));
  if (missing.length > 0) throw new Error(`seed 36's ${runFamilies} families show no ${missing.join(', ')}`);
  return {
    households: batches.flatMap((b) => b.households),
    dtks: batches.flatMap((b) => b.dtks),
    regsosek: batches.flatMap((b) => b.regsosek),
    p3ke: batches.flatMap((b) => b.p3ke),
    kemendes: batches.flatMap((b) => b.kemendes),
    bpjs: batches.flatMap((b) => b.bpjs),
    truth: batches.flatMap((b) => b.truth),
    persons: batches.reduce((sum, b) => sum + b.persons, 0),
  };
}
