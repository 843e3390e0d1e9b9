import type { Sex } from '../identifiers';

/** One person of a generated household, as the seed generator drew them. */
export interface SeedPerson {
  readonly nik: string;
  readonly name: string;
  readonly sex: Sex;
  /** YYYY-MM-DD. */
  readonly birthDate: string;
  /** REGSOSEK2022.K relationship to the head (1 head, 2 spouse, 3 child, ...). */
  readonly relationship: number;
  /** Alive and living in the household at the evaluation date. */
  readonly living: boolean;
}

/** One generated household as it truly is, before any register records it (and before defects). */
export interface SeedHousehold {
  readonly noKK: string;
  /** The 10-digit village code it lives in. */
  readonly regionCode: string;
  readonly address: string;
  /** Its desil (1-10) in the generator's ground truth. */
  readonly trueDesil: number;
  readonly members: readonly SeedPerson[];
}

/**
 * One batch of `npm run seed`, handed to every stored subgraph's `seedRows`. A new subgraph derives
 * its rows from `households`. The registers' records are drawn by the generator itself (`drawn`,
 * by register name, defects injected): their coverage, desil noise and shared defects are drawn
 * together (seed/generator/), so no register can draw its part alone.
 */
export interface SeedBatch {
  readonly households: readonly SeedHousehold[];
  readonly drawn: Readonly<Record<string, readonly object[]>>;
}
