import { In, type DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { groupByKeys } from '../common/loaders';
import type { ListingPosition } from '../common/cursor';
import type { FamilyPage } from '../common/pagination';
import type { AuditRecord } from '../common/store/audit-records';
import { auditTrailStore } from '../common/store/audit-trail';
import { LISTING_KEY_COLUMN } from '../common/store/listing-key';
import { rowTable } from '../common/store/raw-rows';
import {
  INDEX_PROGRAMS,
  RegionIssueCountEntity,
  RegionSummaryEntity,
  ResolutionRunEntity,
  ResolvedHouseholdEntity,
  ResolvedIssueEntity,
  SUMMARY_MEASURES,
  type IndexProgram,
  type ResolvedHouseholdRow,
} from './entities';
import { NO_DESIL } from './region-summary';
import { createPeriodQueryRepository, type PeriodQueryRepository } from './period-query-repository';
import { PeriodRegionIssueCountEntity, PeriodRegionSummaryEntity } from './period-entities';
import type { HouseholdQuery } from './household-filter';
import { toRun, type ResolutionRun } from './repository';
import { scopeCondition, type Condition, type RegionScope } from './region-scope';

export type { RegionScope } from './region-scope';

// What the gateway reads from the resolution index: filtered listings, the CSV export and the
// grouped counts of `statistics`, and the audit trail of those reads. Read-only but for appending
// to that trail; every TypeORM call of those reads is here.

export interface IndexRuns {
  readonly lastFinished: ResolutionRun | null;
  /** The newest run, when it has not finished (running, interrupted or abandoned). */
  readonly unfinished: ResolutionRun | null;
}

/** One household of the export, with its issue codes in `dataQuality` order. */
export interface ExportHousehold {
  readonly row: ResolvedHouseholdRow;
  readonly issues: readonly string[];
}

export interface ProgramCounts {
  readonly eligible: number;
  readonly onTarget: number;
  readonly inclusionErrors: number;
  readonly graduationCandidates: number;
  readonly exclusionErrors: number;
  /** Sum of the eligible families' benefit, whole rupiah. */
  readonly budget: number;
}

/** Families of one region (code cut to the level) and one desil, with their programme counts. */
export interface DesilGroup {
  readonly code: string;
  readonly desil: number | null;
  readonly families: number;
  readonly persons: number;
  readonly programs: Readonly<Record<IndexProgram, ProgramCounts>>;
}

/** Families of one region with at least one issue of one code. */
export interface IssueGroup {
  readonly code: string;
  readonly issue: string;
  readonly families: number;
}

export interface RegionGroups {
  readonly desil: readonly DesilGroup[];
  readonly issues: readonly IssueGroup[];
}

/** The index's reads; those of kept periods are in period-query-repository.ts. */
export interface IndexQueryRepository extends PeriodQueryRepository {
  runs(): Promise<IndexRuns>;
  /** A page of families in listing order after `after`: one query. */
  listHouseholds(query: HouseholdQuery, scope: RegionScope, first: number, after: ListingPosition | null): Promise<Omit<FamilyPage, 'totalCount'>>;
  /** The families of every page: one COUNT, which reads every match, so only when a client asks. */
  countHouseholds(query: HouseholdQuery, scope: RegionScope): Promise<number>;
  /** The filtered households in listing order, `chunkSize` at a time: two queries per chunk. */
  exportHouseholds(query: HouseholdQuery, scope: RegionScope, chunkSize: number): AsyncGenerator<ExportHousehold[]>;
  /**
   * Counts of the families whose region code starts with `regionPrefix` (every family with a region
   * when null) and lies in the scope, grouped by the first `digits` digits of the code: two GROUP BY
   * queries of the region summary, which has a row per village and desil, not per household.
   */
  regionGroups(regionPrefix: string | null, scope: RegionScope, digits: number, period?: string | null): Promise<RegionGroups>;
  /** Which of these No. KKs any run has indexed: one query. */
  indexedHouseholds(noKKs: readonly string[]): Promise<ReadonlySet<string>>;
  /** Appends reads of indexed families to the index's audit trail: one INSERT per 1,000 entries. */
  appendAudit(entries: readonly AuditRecord[]): Promise<void>;
  /** Each No. KK's entries in the index's audit trail, newest first; [] where none. */
  auditTrailByNoKKs(noKKs: readonly string[]): Promise<AuditRecord[][]>;
}

/** Column names come from these fixed lists only, never from input. */
const column = (name: string) => name.toLowerCase();

function conditions(query: HouseholdQuery, scope: RegionScope): Condition[] {
  const where: Condition[] = [...scopeCondition(scope)];
  if (query.regionPrefix !== null) where.push({ sql: 'h.region_code LIKE :regionPrefix', parameters: { regionPrefix: `${query.regionPrefix}%` } });
  if (query.desilMin !== null) where.push({ sql: 'h.desil >= :desilMin', parameters: { desilMin: query.desilMin } });
  if (query.desilMax !== null) where.push({ sql: 'h.desil <= :desilMax', parameters: { desilMax: query.desilMax } });
  if (query.eligibleFor !== null) where.push({ sql: `h.eligible_${column(query.eligibleFor)} = 1` });
  if (query.targeting !== null) {
    where.push({ sql: `h.targeting_${column(query.targeting.program)} = :targetingStatus`, parameters: { targetingStatus: query.targeting.status } });
  }
  if (query.dataQuality !== null) {
    where.push({
      sql: 'EXISTS (SELECT 1 FROM resolved_issue qi WHERE qi.no_kk = h.no_kk AND qi.code = :issueCode)',
      parameters: { issueCode: query.dataQuality },
    });
  }
  if (query.inRegister !== null) where.push({ sql: `h.in_${column(query.inRegister)} = 1` });
  if (query.notInRegister !== null) where.push({ sql: `h.in_${column(query.notInRegister)} = 0` });
  return where;
}

function apply<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>, where: readonly Condition[]): SelectQueryBuilder<T> {
  for (const condition of where) builder.andWhere(condition.sql, condition.parameters);
  return builder;
}

/** Listing order (common/store/listing-key.ts), from just after `after` when given. */
function inListingOrder<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>, after: ListingPosition | null): SelectQueryBuilder<T> {
  builder.orderBy(`h.${LISTING_KEY_COLUMN}`, 'ASC').addOrderBy('h.no_kk', 'ASC');
  if (after === null) return builder;
  return builder.andWhere(`(h.${LISTING_KEY_COLUMN} > :afterKey OR (h.${LISTING_KEY_COLUMN} = :afterKey AND h.no_kk > :afterNoKK))`, {
    afterKey: after.listingKey,
    afterNoKK: after.noKK,
  });
}

/** MySQL returns SUM as a decimal string. */
const count = (value: unknown): number => Number(value ?? 0);

function toDesilGroup(raw: Record<string, unknown>): DesilGroup {
  const programs = {} as Record<IndexProgram, ProgramCounts>;
  for (const program of INDEX_PROGRAMS) {
    const p = column(program);
    programs[program] = {
      eligible: count(raw[`eligible_${p}`]),
      onTarget: count(raw[`on_target_${p}`]),
      inclusionErrors: count(raw[`inclusion_${p}`]),
      graduationCandidates: count(raw[`graduation_${p}`]),
      exclusionErrors: count(raw[`exclusion_${p}`]),
      budget: count(raw[`budget_${p}`]),
    };
  }
  return {
    code: String(raw['code']),
    desil: Number(raw['desil']) === NO_DESIL ? null : Number(raw['desil']),
    families: count(raw['families']),
    persons: count(raw['persons']),
    programs,
  };
}

export function createIndexQueryRepository(dataSource: DataSource): IndexQueryRepository {
  const households = dataSource.getRepository(ResolvedHouseholdEntity);
  const issues = dataSource.getRepository(ResolvedIssueEntity);
  const summary = dataSource.getRepository(RegionSummaryEntity);
  const issueCounts = dataSource.getRepository(RegionIssueCountEntity);
  const periodSummary = dataSource.getRepository(PeriodRegionSummaryEntity);
  const periodIssueCounts = dataSource.getRepository(PeriodRegionIssueCountEntity);
  const runs = dataSource.getRepository(ResolutionRunEntity);
  const runTable = runs.metadata.tableName;
  const audit = auditTrailStore(dataSource, 'noKK');
  // Every household look-up asks it (subgraph-calls/register-directory.ts): without the query builder.
  const householdRows = rowTable(dataSource, ResolvedHouseholdEntity);

  return {
    ...createPeriodQueryRepository(dataSource),
    async runs() {
      // Every `households` and `statistics` request reads this, so one statement: the newest run
      // and the newest finished one, the same row unless a run is under way or was abandoned.
      const rows = await runs
        .createQueryBuilder('r')
        .where(`r.id = (SELECT MAX(newest.id) FROM ${runTable} newest)`)
        .orWhere(`r.id = (SELECT MAX(finished.id) FROM ${runTable} finished WHERE finished.finished_at IS NOT NULL)`)
        .orderBy('r.id', 'DESC')
        .getMany();
      const newest = rows[0];
      const lastFinished = rows.find((row) => row.finishedAt !== null);
      return {
        lastFinished: lastFinished ? toRun(lastFinished) : null,
        unfinished: newest && newest.finishedAt === null ? toRun(newest) : null,
      };
    },

    async listHouseholds(query, scope, first, after) {
      const page = inListingOrder(apply(households.createQueryBuilder('h'), conditions(query, scope)), after)
        .select('h.no_kk', 'noKK')
        .addSelect(`h.${LISTING_KEY_COLUMN}`, 'listingKey')
        .limit(first + 1);
      const rows = await page.getRawMany<ListingPosition>();
      return { families: rows.slice(0, first), hasNextPage: rows.length > first };
    },

    async countHouseholds(query, scope) {
      const total = await apply(households.createQueryBuilder('h'), conditions(query, scope)).select('COUNT(*)', 'count').getRawOne<{ count: unknown }>();
      return count(total?.count);
    },

    async *exportHouseholds(query, scope, chunkSize) {
      const where = conditions(query, scope);
      let after: ListingPosition | null = null;
      for (;;) {
        const rows = await inListingOrder(apply(households.createQueryBuilder('h'), where), after).limit(chunkSize).getMany();
        const last = rows.at(-1);
        if (last === undefined) return;
        const noKKs = rows.map((row) => row.noKK);
        const found = await issues.find({
          select: { noKK: true, code: true, position: true },
          where: { noKK: In(noKKs) },
          order: { noKK: 'ASC', position: 'ASC' },
        });
        const issuesOfRows = groupByKeys(noKKs, found, (issue) => issue.noKK);
        yield rows.map((row, position) => ({ row, issues: (issuesOfRows[position] ?? []).map((issue) => issue.code) }));
        if (rows.length < chunkSize) return;
        after = { listingKey: last.listingKey ?? '', noKK: last.noKK };
      }
    },

    async indexedHouseholds(noKKs) {
      if (noKKs.length === 0) return new Set();
      const rows = await householdRows.pickWhereIn('noKK', noKKs, ['noKK']);
      return new Set(rows.map((row) => row.noKK));
    },

    appendAudit: (entries) => audit.append(entries),

    auditTrailByNoKKs: (noKKs) => audit.byKeys(noKKs),

    async regionGroups(regionPrefix, scope, digits, period = null) {
      if (![2, 4, 6, 10].includes(digits)) throw new RangeError(`A region level has 2, 4, 6 or 10 digits, not ${digits}`);
      const code = `SUBSTR(s.region_code, 1, ${digits})`;
      const prefix = { regionPrefix: `${regionPrefix ?? ''}%` };
      // A kept period's counts are the summary's as its run left them (resolution/periods.ts).
      const scoped = [...scopeCondition(scope, 's'), ...(period === null ? [] : [{ sql: 's.period = :period', parameters: { period } }])];
      const desilQuery = (period === null ? summary : periodSummary).createQueryBuilder('s').select(code, 'code').addSelect('s.desil', 'desil');
      for (const measure of SUMMARY_MEASURES) desilQuery.addSelect(`SUM(s.${measure})`, measure);
      const desilRows = await apply(desilQuery.where('s.region_code LIKE :regionPrefix', prefix), scoped)
        .groupBy(code)
        .addGroupBy('s.desil')
        .getRawMany<Record<string, unknown>>();
      // A family lies in one village, so the villages' counts of families with an issue add up.
      const issueQuery = (period === null ? issueCounts : periodIssueCounts)
        .createQueryBuilder('s')
        .select(code, 'code')
        .addSelect('s.code', 'issue')
        .addSelect('SUM(s.families)', 'families')
        .where('s.region_code LIKE :regionPrefix', prefix);
      const issueRows = await apply(issueQuery, scoped)
        .groupBy(code)
        .addGroupBy('s.code')
        .getRawMany<Record<string, unknown>>();
      return {
        desil: desilRows.map(toDesilGroup),
        issues: issueRows.map((raw) => ({ code: String(raw['code']), issue: String(raw['issue']), families: count(raw['families']) })),
      };
    },
  };
}
