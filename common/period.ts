/**
 * DTSEN's monthly periods, `YYYY-MM`. Proposals and objections close on the cut-off day of each
 * month (`CHANGE_CUTOFF_DAY`, default 17): a request submitted on or before it belongs to that
 * month's period, one submitted after it to the next month's. Days are counted in Western
 * Indonesian Time (UTC+7, no daylight saving), where the musyawarah desa and the Dinsos offices
 * that hold the cut-off work; docs/rules.md records the choice.
 */

/** A period as `YYYY-MM`. */
export type Period = string & { readonly __period: unique symbol };

export const DEFAULT_CHANGE_CUTOFF_DAY = 17;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

export function isPeriod(value: string): value is Period {
  return PERIOD.test(value);
}

/** The period `value` names; throws naming `what` (a variable, an argument) when it names none. */
export function parsePeriod(value: string, what: string): Period {
  if (!isPeriod(value)) throw new Error(`${what} must be a period as YYYY-MM, got "${value}"`);
  return value;
}

/** The cut-off day, 1 to 28 so that every month has it; throws naming `what`. */
export function parseCutoffDay(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1 || value > 28) throw new Error(`${what} must be a whole number from 1 to 28, got ${value}`);
  return value;
}

/** The period a request submitted at `submittedAt` belongs to. */
export function periodOfSubmission(submittedAt: Date, cutoffDay: number): Period {
  const wib = new Date(submittedAt.getTime() + WIB_OFFSET_MS);
  const month = periodFromParts(wib.getUTCFullYear(), wib.getUTCMonth() + 1);
  return wib.getUTCDate() > cutoffDay ? nextPeriod(month) : month;
}

/** The period following `period`. */
export function nextPeriod(period: Period): Period {
  const [year, month] = partsOf(period);
  return month === 12 ? periodFromParts(year + 1, 1) : periodFromParts(year, month + 1);
}

/** The period before `period`. */
export function previousPeriod(period: Period): Period {
  const [year, month] = partsOf(period);
  return month === 1 ? periodFromParts(year - 1, 12) : periodFromParts(year, month - 1);
}

function partsOf(period: Period): [number, number] {
  const [, year, month] = PERIOD.exec(period)!;
  return [Number(year), Number(month)];
}

function periodFromParts(year: number, month: number): Period {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}` as Period;
}
