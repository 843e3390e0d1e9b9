import { In, type DataSource, type EntitySchema, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { groupByKeys, orderByKeys } from '../loaders';
import type { ListingPosition } from '../cursor';
import { parseRegionPrefix, type FamilyPage } from '../pagination';
import type { AuditRecord } from './audit-records';
import { auditTrailStore } from './audit-trail';
import { insertRows } from './bulk-insert';
import { chunk } from './chunks';
import { readImportState, type ImportState } from './import-state';
import { LISTING_KEY_COLUMN, newListingKey } from './listing-key';
import { rowTable } from './raw-rows';
import type { FamilyBaseRow, FamilyLinkedRow, MemberBaseRow } from './entity-columns';

/** Keys per `IN (...)` list: well inside every driver's limits, and one query for any request. */
const MAX_KEYS_PER_QUERY = 1_000;

/** What every source register's store offers, in plain records. */
export interface FamilyRepository<Family, Member, Filter> {
  /** Families in key order, null where the store has none: one query per table, whatever the batch. */
  familiesByNoKK(noKKs: readonly string[]): Promise<(Family | null)[]>;
  /** Member records per NIK, most recently recorded first; [] where none. */
  membersByNik(niks: readonly string[]): Promise<Member[][]>;
  /** Each family's region code in key order, null where the store has none: one query per batch. */
  regionCodesByNoKK(noKKs: readonly string[]): Promise<(string | null)[]>;
  /**
   * A page of families in listing order (listing-key.ts), after `after`, with the total over all
   * pages; only families whose region code starts with one of `regions` (digit prefixes) unless
   * `regions` is null. The total is counted when asked for: a count reads the whole listing, and
   * the resolution run's pages, which do not select it, would pay it on every page.
   */
  listFamilies(
    filter: Filter | null | undefined,
    first: number,
    after: ListingPosition | null,
    regions: readonly string[] | null,
  ): Promise<Omit<FamilyPage, 'totalCount'> & { readonly totalCount: () => Promise<number> }>;
  /** Appends reads to the audit trail in one statement per 1,000 entries; the trail is never changed. */
  appendAudit(entries: readonly AuditRecord[]): Promise<void>;
  /** Each NIK's audit entries, newest first; [] where none. */
  auditTrailByNiks(niks: readonly string[]): Promise<AuditRecord[][]>;
  /** Inserts new families with their members and details in one transaction. */
  insertFamilies(families: readonly Family[]): Promise<void>;
  countFamilies(): Promise<number>;
  /** The store's import ledger: imports not finished, and when the last one that stored or replaced families finished. */
  importState(): Promise<ImportState>;
  /** Resolves when the store answers and every migration has run (readiness); rejects saying which is not so. */
  ping(): Promise<void>;
}

/** One SQL condition on the family table (alias `f`) with its named parameters. */
export interface FamilyCondition {
  readonly sql: string;
  readonly parameters?: ObjectLiteral;
}

/** The rows one family record is stored as. */
export interface FamilyRows<FamilyRow, MemberRow, DetailRow> {
  readonly family: FamilyRow;
  readonly members: readonly MemberRow[];
  readonly details: readonly DetailRow[];
}

/**
 * How a register lays out its records: a family table, a member table, at most one detail table
 * (DTKS receipts, P3KE interventions), the mapping between records and rows, and its filters.
 */
export interface FamilyStoreLayout<
  Family,
  Member,
  Filter extends { readonly regionPrefix?: string | null },
  FamilyRow extends FamilyBaseRow,
  MemberRow extends MemberBaseRow,
  DetailRow extends FamilyLinkedRow,
> {
  readonly family: EntitySchema<FamilyRow>;
  readonly member: EntitySchema<MemberRow>;
  readonly detail: EntitySchema<DetailRow> | null;
  toRows(family: Family): FamilyRows<FamilyRow, MemberRow, DetailRow>;
  /** `members` and `details` come in insertion order. */
  toFamily(row: FamilyRow, members: readonly MemberRow[], details: readonly DetailRow[]): Family;
  toMember(row: MemberRow): Member;
  /** The register's own filters (the region prefix is handled here); BAD_USER_INPUT when invalid. */
  conditions(filter: Filter): FamilyCondition[];
}

/** Rows whose `property` is one of `keys`, by row id, in one `IN (...)` query per 1,000 keys. */
export async function findIn<Row extends ObjectLiteral>(
  rows: { find(options: object): Promise<Row[]> },
  property: 'noKK' | 'nik',
  keys: readonly string[],
  order: 'ASC' | 'DESC',
): Promise<Row[]> {
  const found: Row[] = [];
  for (const slice of chunk([...new Set(keys)], MAX_KEYS_PER_QUERY)) {
    const where = { [property]: In(slice) } as FindOptionsWhere<Row>;
    found.push(...(await rows.find({ where, order: { id: order } })));
  }
  return found;
}

export function createFamilyRepository<
  Family,
  Member,
  Filter extends { readonly regionPrefix?: string | null },
  FamilyRow extends FamilyBaseRow,
  MemberRow extends MemberBaseRow,
  DetailRow extends FamilyLinkedRow,
>(
  dataSource: DataSource,
  layout: FamilyStoreLayout<Family, Member, Filter, FamilyRow, MemberRow, DetailRow>,
): FamilyRepository<Family, Member, Filter> {
  const families = dataSource.getRepository(layout.family);
  // The look-ups' reads skip the query builder and entity hydration (raw-rows.ts).
  const familyRows = rowTable(dataSource, layout.family);
  const memberRows = rowTable(dataSource, layout.member);
  const detailRows = layout.detail ? rowTable(dataSource, layout.detail) : null;
  const audit = auditTrailStore(dataSource, 'nik');

  function filterConditions(filter: Filter | null | undefined): FamilyCondition[] {
    if (!filter) return [];
    const regionPrefix = parseRegionPrefix(filter.regionPrefix);
    const region: FamilyCondition[] =
      regionPrefix === null ? [] : [{ sql: 'f.region_code LIKE :regionPrefix', parameters: { regionPrefix: `${regionPrefix}%` } }];
    return [...region, ...layout.conditions(filter)];
  }

  /** Prefixes are digits (checked by the caller), so LIKE cannot be widened by `%` or `_`. */
  function regionConditions(regions: readonly string[] | null): FamilyCondition[] {
    if (regions === null) return [];
    if (regions.length === 0) return [{ sql: '1 = 0' }];
    const parameters = Object.fromEntries(regions.map((prefix, index) => [`scope${index}`, `${prefix}%`]));
    return [{ sql: `(${regions.map((_, index) => `f.region_code LIKE :scope${index}`).join(' OR ')})`, parameters }];
  }

  function filtered(conditions: readonly FamilyCondition[]) {
    const query = families.createQueryBuilder('f');
    for (const condition of conditions) query.andWhere(condition.sql, condition.parameters);
    return query;
  }

  return {
    async familiesByNoKK(noKKs) {
      if (noKKs.length === 0) return [];
      const foundRows = await familyRows.rowsWhereIn('noKK', noKKs, 'ASC');
      // Nothing found: no member or detail can belong to the batch.
      if (foundRows.length === 0) return noKKs.map(() => null);
      const found = foundRows.map((row) => row.noKK);
      const memberGroups = groupByKeys(found, await memberRows.rowsWhereIn('noKK', found, 'ASC'), (row) => row.noKK);
      const detailGroups = groupByKeys(found, detailRows ? await detailRows.rowsWhereIn('noKK', found, 'ASC') : [], (row) => row.noKK);
      const records = foundRows.map((row, index) => ({
        noKK: row.noKK,
        record: layout.toFamily(row, memberGroups[index] ?? [], detailGroups[index] ?? []),
      }));
      return orderByKeys(noKKs, records, (entry) => entry.noKK).map((entry) => entry?.record ?? null);
    },

    async membersByNik(niks) {
      if (niks.length === 0) return [];
      const rows = await memberRows.rowsWhereIn('nik', niks, 'DESC');
      return groupByKeys(niks, rows, (row) => row.nik).map((group) => group.map((row) => layout.toMember(row)));
    },

    async regionCodesByNoKK(noKKs) {
      if (noKKs.length === 0) return [];
      const rows = await familyRows.pickWhereIn('noKK', noKKs, ['noKK', 'regionCode']);
      return orderByKeys(noKKs, rows, (row) => row.noKK).map((row) => row?.regionCode ?? null);
    },

    async listFamilies(filter, first, after, regions) {
      const conditions = [...filterConditions(filter), ...regionConditions(regions)];
      const pageQuery = filtered(conditions)
        .select('f.no_kk', 'noKK')
        .addSelect(`f.${LISTING_KEY_COLUMN}`, 'listingKey')
        .orderBy(`f.${LISTING_KEY_COLUMN}`, 'ASC')
        .addOrderBy('f.no_kk', 'ASC')
        .limit(first + 1);
      if (after !== null) {
        pageQuery.andWhere(`(f.${LISTING_KEY_COLUMN} > :afterKey OR (f.${LISTING_KEY_COLUMN} = :afterKey AND f.no_kk > :afterNoKK))`, {
          afterKey: after.listingKey,
          afterNoKK: after.noKK,
        });
      }
      const rows = await pageQuery.getRawMany<ListingPosition>();
      return {
        families: rows.slice(0, first),
        hasNextPage: rows.length > first,
        totalCount: async () => Number((await filtered(conditions).select('COUNT(*)', 'count').getRawOne<{ count: number | string }>())?.count ?? 0),
      };
    },

    async insertFamilies(records) {
      if (records.length === 0) return;
      const rows = records.map((record) => layout.toRows(record));
      await dataSource.transaction(async (manager) => {
        const runner = manager.queryRunner;
        if (!runner) throw new Error('A transaction has no query runner');
        await insertRows(runner, layout.family, rows.map((row) => ({ ...row.family, listingKey: newListingKey() })));
        await insertRows(runner, layout.member, rows.flatMap((row) => row.members));
        if (layout.detail) await insertRows(runner, layout.detail, rows.flatMap((row) => row.details));
      });
    },

    appendAudit: (entries) => audit.append(entries),

    auditTrailByNiks: (niks) => audit.byKeys(niks),

    countFamilies() {
      return families.count();
    },

    importState: () => readImportState(dataSource),

    async ping() {
      await dataSource.query('SELECT 1');
      if (await dataSource.showMigrations()) throw new Error('the store has migrations that have not run');
    },
  };
}
