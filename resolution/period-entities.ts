import { EntitySchema, type EntitySchemaColumnOptions } from 'typeorm';
import { entityColumn } from '../common/store/entity-columns';
import { SUMMARY_MEASURES, type RegionIssueCountRow, type RegionSummaryRow } from './entities';

// The periods the index keeps (docs/resolution.md, "Periods"): which run finished each, the
// families' states stored only where they changed from the period before, and each period's
// region counts for `statistics`. Column names match the index-periods migration exactly.

/** A finished period: the run that resolved it and what it resolved with. */
export interface ResolutionPeriodRow {
  /** YYYY-MM */
  readonly period: string;
  readonly runId: number;
  readonly finishedAt: string;
  readonly ruleSet: string;
  /** YYYY-MM-DD */
  readonly evaluationDate: string;
  readonly families: number;
}

/**
 * A family's state from `period` until the next row of the same family (`untilPeriod`, null: still
 * current), written only when something it holds differs from the period before. State at a kept
 * period P: the row with `period <= P` and `untilPeriod` null or after P.
 */
export interface PeriodHouseholdRow {
  readonly noKK: string;
  readonly period: string;
  readonly untilPeriod: string | null;
  /** The family's place in listings (kept for a family that left the index too). */
  readonly listingKey: string;
  /** The region; for a family that left, the last one it had, so region-limited readers see it leave. */
  readonly regionCode: string | null;
  readonly desil: number | null;
  readonly desilSource: string | null;
  /** Bit i set: eligible for INDEX_PROGRAMS[i] (period-state.ts). */
  readonly eligible: number;
  /** One character per TARGETED_INDEX_PROGRAMS entry, a TargetingStatusCode's code (period-state.ts). */
  readonly targeting: string;
  /** Bit i set: held by SOURCES[i] (period-state.ts). */
  readonly sources: number;
  /** True on the row of the period a family left the registers: nothing else of it is kept. */
  readonly leftRegister: boolean;
}

export const ResolutionPeriodEntity = new EntitySchema<ResolutionPeriodRow>({
  name: 'ResolutionPeriod',
  tableName: 'resolution_period',
  columns: {
    period: { ...entityColumn.varchar('period', 7), primary: true },
    runId: entityColumn.integer('run_id'),
    finishedAt: entityColumn.varchar('finished_at', 24),
    ruleSet: entityColumn.varchar('rule_set', 16),
    evaluationDate: entityColumn.varchar('evaluation_date', 10),
    families: entityColumn.integer('families'),
  },
});

export const PeriodHouseholdEntity = new EntitySchema<PeriodHouseholdRow>({
  name: 'PeriodHousehold',
  tableName: 'period_household',
  columns: {
    noKK: { ...entityColumn.varchar('no_kk', 16), primary: true },
    period: { ...entityColumn.varchar('period', 7), primary: true },
    untilPeriod: entityColumn.varchar('until_period', 7, true),
    listingKey: entityColumn.varchar('listing_key', 16),
    regionCode: entityColumn.varchar('region_code', 10, true),
    desil: entityColumn.smallint('desil', true),
    desilSource: entityColumn.varchar('desil_source', 8, true),
    eligible: entityColumn.smallint('eligible'),
    targeting: entityColumn.varchar('targeting', 8),
    sources: entityColumn.smallint('sources'),
    leftRegister: entityColumn.boolean('left_register'),
  },
  indices: [
    { name: 'idx_period_household_period', columns: ['period'] },
    { name: 'idx_period_household_until_period', columns: ['untilPeriod'] },
  ],
});

export type PeriodRegionSummaryRow = RegionSummaryRow & { readonly period: string };
export type PeriodRegionIssueCountRow = RegionIssueCountRow & { readonly period: string };

/** The graduation counts came after the periods (the index-graduation migration), with 0 for the periods kept before. */
function periodMeasureColumn(measure: string): EntitySchemaColumnOptions {
  return measure.startsWith('graduation_') ? { ...entityColumn.bigint(measure), default: 0 } : entityColumn.bigint(measure);
}

export const PeriodRegionSummaryEntity = new EntitySchema<PeriodRegionSummaryRow>({
  name: 'PeriodRegionSummary',
  tableName: 'period_region_summary',
  columns: {
    period: { ...entityColumn.varchar('period', 7), primary: true },
    regionCode: { ...entityColumn.varchar('region_code', 10), primary: true },
    desil: { ...entityColumn.smallint('desil'), primary: true },
    ...Object.fromEntries(SUMMARY_MEASURES.map((measure) => [measure, periodMeasureColumn(measure)])),
  },
});

export const PeriodRegionIssueCountEntity = new EntitySchema<PeriodRegionIssueCountRow>({
  name: 'PeriodRegionIssueCount',
  tableName: 'period_region_issue_count',
  columns: {
    period: { ...entityColumn.varchar('period', 7), primary: true },
    regionCode: { ...entityColumn.varchar('region_code', 10), primary: true },
    code: { ...entityColumn.varchar('code', 24), primary: true },
    families: entityColumn.integer('families'),
  },
});
