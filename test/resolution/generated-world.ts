import { generateBatch } from '../../seed/generator';
import type { GeneratedBatch } from '../../seed/generator';

export const EVALUATION_DATE = new Date('2026-11-28T00:00:00Z');

/**
 * Generated families, as `npm run seed` would store them, with the seeder's truth. Seed 36 gives,
 * in 300 families, every defect code and families only DTKS or only P3KE holds.
 */
export function generatedWorld(families: number, seed = 36): GeneratedBatch {
  return generateBatch({ seed, start: 0, count: families, evaluationDate: EVALUATION_DATE });
}
