import type { Random } from './random';

/**
 * Share of Jakarta families in each national desil (1 = poorest tenth of Indonesia). Jakarta is
 * richer than the nation: about 18 % of its families fall in desil 1-4, most in 6-10.
 */
export const JAKARTA_DESIL_SHARES: readonly number[] = [0.025, 0.035, 0.05, 0.07, 0.08, 0.1, 0.12, 0.15, 0.17, 0.2];

/** Poorer and richer parts of Jakarta, as a shift of the latent welfare score. */
const CITY_WELFARE_SHIFT: Readonly<Record<string, number>> = {
  '3101': -0.6,
  '3171': 0,
  '3172': -0.15,
  '3173': 0,
  '3174': 0.2,
  '3175': -0.05,
};

export interface Welfare {
  /** True national percentile 1-100. */
  readonly percentile: number;
  /** True desil 1-10. */
  readonly desil: number;
  /** Welfare level in (0, 1) that drives housing, assets, work and schooling. */
  readonly level: number;
}

/** Desil shares of the nation, by the definition of a desil: families elsewhere are drawn from them. */
const NATIONAL_DESIL_SHARES: readonly number[] = Array.from({ length: 10 }, () => 0.1);

const cumulativeOf = (shares: readonly number[]): readonly number[] =>
  shares.map((_, index) => shares.slice(0, index + 1).reduce((sum, share) => sum + share, 0));
const JAKARTA = { shares: JAKARTA_DESIL_SHARES, cumulative: cumulativeOf(JAKARTA_DESIL_SHARES) };
const NATIONAL = { shares: NATIONAL_DESIL_SHARES, cumulative: cumulativeOf(NATIONAL_DESIL_SHARES) };

/** Standard normal distribution function (Zelen & Severo approximation, error < 1e-7). */
function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
  const tail = density * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - tail : tail;
}

/**
 * A latent welfare score, made a national percentile through Jakarta's desil shares in Jakarta and
 * the nation's elsewhere (no province's own shares: outside Jakarta every region is the nation).
 */
export function drawWelfare(random: Random, cityCode: string): Welfare {
  const { shares, cumulative } = cityCode.startsWith('31') ? JAKARTA : NATIONAL;
  const u = normalCdf(random.normal() * 0.97 + (CITY_WELFARE_SHIFT[cityCode] ?? 0));
  let desil = cumulative.findIndex((bound) => u < bound) + 1;
  if (desil === 0) desil = 10;
  const lower = cumulative[desil - 2] ?? 0;
  const share = shares[desil - 1] as number;
  const within = Math.min(10, Math.max(1, Math.ceil(((u - lower) / share) * 10)));
  const percentile = (desil - 1) * 10 + within;
  return { percentile, desil, level: (percentile - 0.5) / 100 };
}

/** A percentile (1-100) in the band of a desil. */
export function percentileInDesil(random: Random, desil: number): number {
  return (desil - 1) * 10 + random.int(1, 10);
}

/** A DTKS legacy percentile (0-100) that maps back to `desil` (0-10 → 1, 11-20 → 2, …). */
export function legacyPercentileInDesil(random: Random, desil: number): number {
  return desil === 1 ? random.int(0, 10) : (desil - 1) * 10 + random.int(1, 10);
}
