import { In, type DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { ListingPosition } from '../common/cursor';
import type { Programme } from '../common/programmes';
import { chunk } from '../common/store/chunks';
import type { HouseholdQuery } from './household-filter';
import { PeriodHouseholdEntity, ResolutionPeriodEntity, type PeriodHouseholdRow, type ResolutionPeriodRow } from './period-entities';
import { eligibleBit, sourceBit, targetingCode, targetingPosition } from './period-state';
import { scopeCondition, type Condition, type RegionScope } from './region-scope';

// What the gateway reads of the kept periods: which periods, a family's rows, the families as of a
// period, and who entered or left a programme's eligible list between two periods. Read-only.

/** Where a family stood at one end of an eligibility change; null fields: not in the registers then. */
export interface PeriodEnd {
  readonly inRegisters: boolean;
  readonly desil: number | null;
  readonly desilSource: string | null;
  readonly eligible: number;
  readonly targeting: string;
}

/** A family whose eligibility for the programme differs between the two periods. */
export interface EligibilityChangeRow {
  readonly noKK: string;
  readonly listingKey: string;
  /** The region at `to` (for a family that left, its last one). */
  readonly regionCode: string | null;
  readonly before: PeriodEnd;
  readonly after: PeriodEnd;
}

export interface EligibilityChangeQuery {
  readonly program: Programme;
  readonly from: string;
  readonly to: string;
}

export interface PeriodQueryRepository {
  /** Every kept period, oldest first: one query. */
  keptPeriods(): Promise<ResolutionPeriodRow[]>;
  /** Each No. KK's period rows, oldest first, in the order of `noKKs`: one `IN (...)` query per 500. */
  periodRows(noKKs: readonly string[]): Promise<PeriodHouseholdRow[][]>;
  /** A page of the families in the registers at `period`, in listing order: one query. */
  listHouseholdsAt(period: string, query: HouseholdQuery, scope: RegionScope, first: number, after: ListingPosition | null): Promise<{ families: ListingPosition[]; hasNextPage: boolean }>;
  countHouseholdsAt(period: string, query: HouseholdQuery, scope: RegionScope): Promise<number>;
  /** A page of the programme's eligibility changes between two kept periods, in listing order: one query. */
  eligibilityChanges(query: EligibilityChangeQuery, scope: RegionScope, first: number, after: ListingPosition | null): Promise<{ changes: EligibilityChangeRow[]; hasNextPage: boolean }>;
  countEligibilityChanges(query: EligibilityChangeQuery, scope: RegionScope): Promise<number>;
}

/** The row of a family in force at `period` (`alias.period <= period < alias.until_period`). */
function inForceAt(alias: string, parameter: string): string {
  return `${alias}.period <= :${parameter} AND (${alias}.until_period IS NULL OR ${alias}.until_period > :${parameter})`;
}

function apply<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>, where: readonly Condition[]): SelectQueryBuilder<T> {
  for (const condition of where) builder.andWhere(condition.sql, condition.parameters);
  return builder;
}

/** A households filter over period rows (`p`); the data-quality filter is refused before (periods keep no issues). */
function filterConditions(query: HouseholdQuery): Condition[] {
  const where: Condition[] = [];
  if (query.regionPrefix !== null) where.push({ sql: 'p.region_code LIKE :regionPrefix', parameters: { regionPrefix: `${query.regionPrefix}%` } });
  if (query.desilMin !== null) where.push({ sql: 'p.desil >= :desilMin', parameters: { desilMin: query.desilMin } });
  if (query.desilMax !== null) where.push({ sql: 'p.desil <= :desilMax', parameters: { desilMax: query.desilMax } });
  if (query.eligibleFor !== null) where.push({ sql: '(p.eligible & :eligibleBit) <> 0', parameters: { eligibleBit: eligibleBit(query.eligibleFor) } });
  if (query.targeting !== null) {
    where.push({
      sql: `SUBSTR(p.targeting, ${targetingPosition(query.targeting.program)}, 1) = :targetingCode`,
      parameters: { targetingCode: targetingCode(query.targeting.status) },
    });
  }
  if (query.inRegister !== null) where.push({ sql: '(p.sources & :inBit) <> 0', parameters: { inBit: sourceBit(query.inRegister) } });
  if (query.notInRegister !== null) where.push({ sql: '(p.sources & :notInBit) = 0', parameters: { notInBit: sourceBit(query.notInRegister) } });
  if (query.dataQuality !== null) throw new Error('A kept period holds no data-quality issues: refuse the filter before asking');
  return where;
}

function inListingOrder<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>, alias: string, after: ListingPosition | null): SelectQueryBuilder<T> {
  builder.orderBy(`${alias}.listing_key`, 'ASC').addOrderBy(`${alias}.no_kk`, 'ASC');
  if (after === null) return builder;
  return builder.andWhere(`(${alias}.listing_key > :afterKey OR (${alias}.listing_key = :afterKey AND ${alias}.no_kk > :afterNoKK))`, {
    afterKey: after.listingKey,
    afterNoKK: after.noKK,
  });
}

/** Eligible for the programme, as 0 or 1, of a row that may be missing (the family was not in the registers). */
const eligibleFlag = (alias: string) => `(CASE WHEN (COALESCE(${alias}.eligible, 0) & :programBit) = 0 THEN 0 ELSE 1 END)`;

const truthy = (value: unknown) => value === true || value === 1 || value === '1';

function periodEnd(raw: Record<string, unknown>, prefix: 'before' | 'after'): PeriodEnd {
  const held = raw[`${prefix}Period`] !== null && raw[`${prefix}Period`] !== undefined && !truthy(raw[`${prefix}Left`]);
  return {
    inRegisters: held,
    desil: held && raw[`${prefix}Desil`] !== null ? Number(raw[`${prefix}Desil`]) : null,
    desilSource: held ? ((raw[`${prefix}DesilSource`] as string | null) ?? null) : null,
    eligible: held ? Number(raw[`${prefix}Eligible`] ?? 0) : 0,
    targeting: held ? String(raw[`${prefix}Targeting`] ?? '') : '',
  };
}

export function createPeriodQueryRepository(dataSource: DataSource): PeriodQueryRepository {
  const periods = dataSource.getRepository(ResolutionPeriodEntity);
  const rows = dataSource.getRepository(PeriodHouseholdEntity);

  const householdsAt = (period: string, query: HouseholdQuery, scope: RegionScope) =>
    apply(rows.createQueryBuilder('p').where(`${inForceAt('p', 'period')} AND p.left_register = 0`, { period }), [
      ...scopeCondition(scope, 'p'),
      ...filterConditions(query),
    ]);

  const changesBetween = (query: EligibilityChangeQuery, scope: RegionScope) =>
    apply(
      rows
        .createQueryBuilder('b')
        .leftJoin('PeriodHousehold', 'a', `a.no_kk = b.no_kk AND ${inForceAt('a', 'fromPeriod')}`)
        // Only a family with a row after `from` can differ at `to` from what it was at `from`.
        .where(`b.period > :fromPeriod AND ${inForceAt('b', 'toPeriod')}`)
        .andWhere(`${eligibleFlag('a')} <> ${eligibleFlag('b')}`)
        .setParameters({ fromPeriod: query.from, toPeriod: query.to, programBit: eligibleBit(query.program) }),
      scopeCondition(scope, 'b'),
    );

  return {
    keptPeriods: () => periods.find({ order: { period: 'ASC' } }),

    async periodRows(noKKs) {
      const found: PeriodHouseholdRow[] = [];
      for (const slice of chunk(noKKs, 500)) found.push(...(await rows.find({ where: { noKK: In([...slice]) }, order: { period: 'ASC' } })));
      const byNoKK = new Map<string, PeriodHouseholdRow[]>();
      for (const row of found) byNoKK.set(row.noKK, [...(byNoKK.get(row.noKK) ?? []), row]);
      return noKKs.map((noKK) => byNoKK.get(noKK) ?? []);
    },

    async listHouseholdsAt(period, query, scope, first, after) {
      const page = await inListingOrder(householdsAt(period, query, scope), 'p', after)
        .select('p.no_kk', 'noKK')
        .addSelect('p.listing_key', 'listingKey')
        .limit(first + 1)
        .getRawMany<ListingPosition>();
      return { families: page.slice(0, first), hasNextPage: page.length > first };
    },

    async countHouseholdsAt(period, query, scope) {
      const total = await householdsAt(period, query, scope).select('COUNT(*)', 'count').getRawOne<{ count: unknown }>();
      return Number(total?.count ?? 0);
    },

    async eligibilityChanges(query, scope, first, after) {
      const page = await inListingOrder(changesBetween(query, scope), 'b', after)
        .select('b.no_kk', 'noKK')
        .addSelect('b.listing_key', 'listingKey')
        .addSelect('b.region_code', 'regionCode')
        .addSelect('a.period', 'beforePeriod')
        .addSelect('a.left_register', 'beforeLeft')
        .addSelect('a.desil', 'beforeDesil')
        .addSelect('a.desil_source', 'beforeDesilSource')
        .addSelect('a.eligible', 'beforeEligible')
        .addSelect('a.targeting', 'beforeTargeting')
        .addSelect('b.period', 'afterPeriod')
        .addSelect('b.left_register', 'afterLeft')
        .addSelect('b.desil', 'afterDesil')
        .addSelect('b.desil_source', 'afterDesilSource')
        .addSelect('b.eligible', 'afterEligible')
        .addSelect('b.targeting', 'afterTargeting')
        .limit(first + 1)
        .getRawMany<Record<string, unknown>>();
      return {
        changes: page.slice(0, first).map((raw) => ({
          noKK: String(raw['noKK']),
          listingKey: String(raw['listingKey']),
          regionCode: (raw['regionCode'] as string | null) ?? null,
          before: periodEnd(raw, 'before'),
          after: periodEnd(raw, 'after'),
        })),
        hasNextPage: page.length > first,
      };
    },

    async countEligibilityChanges(query, scope) {
      const total = await changesBetween(query, scope).select('COUNT(*)', 'count').getRawOne<{ count: unknown }>();
      return Number(total?.count ?? 0);
    },
  };
}
