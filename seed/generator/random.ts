import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** A 32-bit integer mixer (Wellons' lowbias32): nearby inputs give unrelated outputs. */
export function mix32(value: number): number {
  let x = value | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hash of a list of integers (each taken as up to 53 bits), order-sensitive. */
export function hashInts(values: readonly number[]): number {
  let h = 0x2545f491;
  for (const value of values) {
    const low = value % 0x1_0000_0000;
    const high = Math.floor(value / 0x1_0000_0000);
    h = mix32(h ^ mix32(low + 0x9e3779b9));
    h = mix32(h ^ mix32(high + 0x632be5ab));
  }
  return h;
}

/**
 * Independent random streams: one per purpose (family data, its defects, a pair of families), so
 * that generating family N never depends on what was drawn for another family or another purpose.
 */
export const STREAM = {
  family: 1,
  familyDefect: 2,
  pairDefect: 3,
  nikPermutation: 4,
  kkPermutation: 5,
  bpjs: 6,
  bltDd: 7,
  graduation: 8,
} as const;
export type Stream = (typeof STREAM)[keyof typeof STREAM];

/** Random draws over a pure-rand xoroshiro128+ generator seeded from (seed, stream, index). */
export class Random {
  private readonly generator: RandomGenerator;

  constructor(seed: number, stream: Stream, index: number) {
    const state = [0, 1, 2, 3].map((word) => hashInts([seed, stream, index, word]) | 0);
    // xoroshiro must not start from an all-zero state.
    state[0] = (state[0] ?? 0) | 1;
    this.generator = xoroshiro128plusFromState(state);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.generator);
  }

  /** Uniform integer in [from, to], both included. */
  int(from: number, to: number): number {
    return from + Math.floor(this.float() * (to - from + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /**
   * One of `values`, with probability proportional to the weight at the same position (weights
   * need not sum to 1). Values and weights come as two arrays: one array of numbers keeps this hot
   * path fast whatever the values are.
   */
  choose<T>(values: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (let index = 0; index < weights.length; index += 1) total += weights[index] as number;
    let remaining = this.float() * total;
    let lastPositive = -1;
    for (let index = 0; index < weights.length; index += 1) {
      const weight = weights[index] as number;
      if (weight <= 0) continue;
      lastPositive = index;
      remaining -= weight;
      if (remaining < 0) return values[index] as T;
    }
    if (lastPositive < 0) throw new Error('choose without a positive weight');
    return values[lastPositive] as T;
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/** A fixed weighted choice, drawn by binary search: for long lists drawn from many times. */
export class WeightedTable<T> {
  private readonly values: readonly T[];
  private readonly cumulative: readonly number[];

  constructor(entries: readonly (readonly [T, number])[]) {
    const positive = entries.filter(([, weight]) => weight > 0);
    if (positive.length === 0) throw new Error('a weighted table needs a positive weight');
    this.values = positive.map(([value]) => value);
    let total = 0;
    this.cumulative = positive.map(([, weight]) => (total += weight));
  }

  pick(random: Random): T {
    const total = this.cumulative[this.cumulative.length - 1] as number;
    const target = random.float() * total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return this.values[low] as T;
  }
}
