import { isDeepStrictEqual } from 'node:util';
import type { DataSource, EntityManager, EntitySchema, QueryRunner } from 'typeorm';
import { groupByKeys } from '../loaders';
import { insertRows } from './bulk-insert';
import { chunk } from './chunks';
import type { FamilyBaseRow, FamilyLinkedRow, MemberBaseRow } from './entity-columns';
import { findIn, type FamilyStoreLayout } from './family-repository';
import { FamilyHistoryEntity, ImportLedgerEntity, type ImportLedgerRow } from './import-entities';
import { newListingKey } from './listing-key';
import { retryTransient } from './transient-errors';

const MAX_KEYS_PER_DELETE = 1_000;

/** Where an import stands after a committed batch. */
export interface ImportProgress {
  readonly rowsIn: number;
  readonly rowsStored: number;
  readonly rowsRejected: number;
  readonly lastLine: number;
  readonly rejectsBytes: number;
}

export interface FamilyHistoryRecord<Family> {
  readonly noKK: string;
  readonly changedAt: string;
  readonly previous: Family;
  readonly importId: number;
}

export type ImportLedgerRecord = Required<ImportLedgerRow>;

/** The importer's access to one register's store: the ledger, and families replaced with history. */
export interface ImportRepository<Family> {
  findImport(register: string, checksum: string): Promise<ImportLedgerRecord | null>;
  startImport(entry: { register: string; fileName: string; checksum: string; startedAt: string }): Promise<ImportLedgerRecord>;
  /**
   * In one transaction: inserts the new families, replaces the changed ones (their previous record
   * goes to the history), leaves the unchanged ones, and records `progress` in the ledger.
   * Returns how many families were inserted or replaced. A transaction lost with its connection (a
   * database node lost) or turned away by a cluster is run again; one the ledger shows committed
   * (the answer to COMMIT was what was lost) is not.
   */
  commitBatch(importId: number, families: readonly Family[], progress: ImportProgress, changedAt: string): Promise<number>;
  finishImport(importId: number, finishedAt: string): Promise<void>;
  ledger(): Promise<ImportLedgerRecord[]>;
  /** A family's previous records, oldest first. */
  familyHistory(noKK: string): Promise<FamilyHistoryRecord<Family>[]>;
}

interface StoredFamily<Family> {
  readonly record: Family;
  readonly listingKey: string | null;
}

function runnerOf(manager: EntityManager): QueryRunner {
  if (!manager.queryRunner) throw new Error('A transaction has no query runner');
  return manager.queryRunner;
}

async function deleteByNoKK(runner: QueryRunner, entity: EntitySchema<any>, noKKs: readonly string[]): Promise<void> {
  const { driver } = runner.connection;
  const table = driver.escape(runner.connection.getMetadata(entity).tableName);
  for (const slice of chunk(noKKs, MAX_KEYS_PER_DELETE)) {
    await runner.query(`DELETE FROM ${table} WHERE no_kk IN (${slice.map(() => '?').join(', ')})`, [...slice]);
  }
}

export function createImportRepository<
  Family,
  FamilyRow extends FamilyBaseRow,
  MemberRow extends MemberBaseRow,
  DetailRow extends FamilyLinkedRow,
>(dataSource: DataSource, layout: FamilyStoreLayout<Family, any, any, FamilyRow, MemberRow, DetailRow>): ImportRepository<Family> {
  const ledger = dataSource.getRepository(ImportLedgerEntity);

  /** The stored records of `noKKs` with their listing keys, read inside the batch's transaction. */
  async function storedFamilies(manager: EntityManager, noKKs: readonly string[]): Promise<Map<string, StoredFamily<Family>>> {
    const familyRows = await findIn(manager.getRepository(layout.family), 'noKK', noKKs, 'ASC');
    if (familyRows.length === 0) return new Map();
    const found = familyRows.map((row) => row.noKK);
    const members = groupByKeys(found, await findIn(manager.getRepository(layout.member), 'noKK', found, 'ASC'), (row) => row.noKK);
    const detailRows = layout.detail ? await findIn(manager.getRepository(layout.detail), 'noKK', found, 'ASC') : [];
    const details = groupByKeys(found, detailRows, (row) => row.noKK);
    return new Map(
      familyRows.map((row, index) => [
        row.noKK,
        { record: layout.toFamily(row, members[index] ?? [], details[index] ?? []), listingKey: row.listingKey ?? null },
      ]),
    );
  }

  return {
    async findImport(register, checksum) {
      return (await ledger.findOne({ where: { register, checksum } })) as ImportLedgerRecord | null;
    },

    async startImport(entry) {
      const row: ImportLedgerRow = {
        ...entry,
        status: 'running',
        finishedAt: null,
        rowsIn: 0,
        rowsStored: 0,
        rowsRejected: 0,
        familiesWritten: 0,
        lastLine: 1,
        rejectsBytes: 0,
      };
      return (await ledger.save(row)) as ImportLedgerRecord;
    },

    async commitBatch(importId, families, progress, changedAt) {
      const rows = families.map((family) => ({ record: family, rows: layout.toRows(family) }));
      /** What the last attempt wrote, should its commit have gone through unanswered. */
      let attempted = 0;
      return retryTransient(() =>
        dataSource.transaction(async (manager) => {
          // The ledger row is read and written in this transaction: on a Galera cluster an earlier attempt that
          // committed unanswered is either seen here or fails this one's certification (a deadlock, run again).
          const recorded = await manager.getRepository(ImportLedgerEntity).findOne({ where: { id: importId } });
          if (recorded && recorded.lastLine >= progress.lastLine) return attempted;
          const runner = runnerOf(manager);
          const stored = await storedFamilies(manager, rows.map((entry) => entry.rows.family.noKK));
          const changed = rows.filter((entry) => {
            const previous = stored.get(entry.rows.family.noKK);
            return previous === undefined || !isDeepStrictEqual(previous.record, entry.record);
          });
          const replaced = changed.map((entry) => entry.rows.family.noKK).filter((noKK) => stored.has(noKK));
          await insertRows(
            runner,
            FamilyHistoryEntity,
            replaced.map((noKK) => ({ noKK, changedAt, previous: JSON.stringify(stored.get(noKK)?.record), importId })),
          );
          if (layout.detail) await deleteByNoKK(runner, layout.detail, replaced);
          await deleteByNoKK(runner, layout.member, replaced);
          await deleteByNoKK(runner, layout.family, replaced);
          // A replaced family keeps its place in listings, so a client paging through one is not thrown off by an import.
          const listingKeyOf = (noKK: string) => stored.get(noKK)?.listingKey ?? newListingKey();
          await insertRows(runner, layout.family, changed.map((entry) => ({ ...entry.rows.family, listingKey: listingKeyOf(entry.rows.family.noKK) })));
          await insertRows(runner, layout.member, changed.flatMap((entry) => entry.rows.members));
          if (layout.detail) await insertRows(runner, layout.detail, changed.flatMap((entry) => entry.rows.details));
          await manager.getRepository(ImportLedgerEntity).update(
            { id: importId },
            { ...progress, familiesWritten: () => `families_written + ${changed.length}` },
          );
          attempted = changed.length;
          return changed.length;
        }),
      );
    },

    async finishImport(importId, finishedAt) {
      await retryTransient(() => ledger.update({ id: importId }, { status: 'finished', finishedAt }));
    },

    async ledger() {
      return (await ledger.find({ order: { id: 'ASC' } })) as ImportLedgerRecord[];
    },

    async familyHistory(noKK) {
      const rows = await dataSource.getRepository(FamilyHistoryEntity).find({ where: { noKK }, order: { id: 'ASC' } });
      return rows.map((row) => ({ noKK: row.noKK, changedAt: row.changedAt, previous: JSON.parse(row.previous) as Family, importId: row.importId }));
    },
  };
}
