import { hashInts, mix32 } from './random';

const ROUNDS = 4;

/**
 * A keyed bijection of [0, size) onto itself: a balanced Feistel network over the smallest
 * even-bit domain that holds `size`, with cycle-walking back into range. Identifiers are derived
 * from it so that distinct indices can never give the same identifier, while consecutive indices
 * still look unrelated.
 */
export class KeyedPermutation {
  private readonly halfBits: number;
  private readonly halfMask: number;
  private readonly roundKeys: readonly number[];

  constructor(
    readonly size: number,
    key: readonly number[],
  ) {
    if (!Number.isSafeInteger(size) || size < 1 || size > 2 ** 30) throw new RangeError(`permutation size ${size} out of range`);
    const bits = Math.max(2, Math.ceil(Math.log2(size)));
    this.halfBits = Math.ceil(bits / 2);
    this.halfMask = (1 << this.halfBits) - 1;
    this.roundKeys = Array.from({ length: ROUNDS }, (_, round) => hashInts([...key, round]));
  }

  apply(value: number): number {
    if (!Number.isInteger(value) || value < 0 || value >= this.size) throw new RangeError(`${value} outside [0, ${this.size})`);
    let x = value;
    do x = this.feistel(x);
    while (x >= this.size);
    return x;
  }

  private feistel(value: number): number {
    let left = (value >>> this.halfBits) & this.halfMask;
    let right = value & this.halfMask;
    for (const roundKey of this.roundKeys) {
      const next = left ^ (mix32(right ^ roundKey) & this.halfMask);
      left = right;
      right = next;
    }
    return ((left << this.halfBits) | right) >>> 0;
  }
}
