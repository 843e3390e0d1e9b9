import { Brackets, In, type DataSource, type EntityManager } from 'typeorm';
import { groupByKeys } from '../../common/loaders';
import { FamilyAuditEntryEntity } from '../../common/store/audit-entity';
import { auditRecord, auditRow, type AuditRecord } from '../../common/store/audit-records';
import { auditTrailStore } from '../../common/store/audit-trail';
import { chunk } from '../../common/store/chunks';
import { ChangeRequestEntity, ChangeTransitionEntity, IdempotencyKeyEntity, type ChangeRequestRow, type ChangeTransitionRow, type IdempotencyKeyRow } from './entities';
import type { ChangeRequestRecord, ChangeState, TransitionRecord } from './records';

/** Keys per `IN (...)` list. */
const KEYS_PER_STATEMENT = 1_000;

/** Which requests a listing holds: each given condition must hold. */
export interface ChangeListing {
  /** Plain-digit region prefixes the reader is limited to; null: every region. */
  readonly readerRegions: readonly string[] | null;
  /** Programmes the reader is limited to (a partner); null: every request. */
  readonly readerProgrammes: readonly string[] | null;
  readonly regionPrefix: string | null;
  readonly state: ChangeState | null;
  readonly kind: string | null;
  readonly period: string | null;
  readonly program: string | null;
}

/** A place in the listing: just after the request created at `createdAt` with this id. */
export interface ListingAfter {
  readonly createdAt: string;
  readonly id: string;
}

/** A state change to write, guarded by the state the request must still be in. */
export interface StateChange {
  readonly id: string;
  readonly from: ChangeState;
  readonly to: ChangeState;
  readonly period: string | null;
  readonly at: string;
  readonly transition: ChangeTransitionRow;
}

/** The idempotency key used is already taken (by a concurrent retry): nothing was written. */
export class IdempotencyKeyTaken extends Error {}

/** The request left the state the change was guarded by (a concurrent step): nothing was written. */
export class StateMoved extends Error {}

export function recordOf(row: ChangeRequestRow): ChangeRequestRecord {
  return {
    id: row.id,
    noKK: row.noKK,
    kind: row.kind as ChangeRequestRecord['kind'],
    channel: row.channel as ChangeRequestRecord['channel'],
    program: row.program as ChangeRequestRecord['program'],
    regionCode: row.regionCode,
    payload: JSON.parse(row.payload) as ChangeRequestRecord['payload'],
    evidence: JSON.parse(row.evidence) as string[],
    state: row.state as ChangeState,
    period: row.period,
    proposedBy: { subject: row.proposerSubject, organisation: row.proposerOrganisation },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function rowOf(record: ChangeRequestRecord): ChangeRequestRow {
  return {
    id: record.id,
    noKK: record.noKK,
    kind: record.kind,
    channel: record.channel,
    program: record.program,
    regionCode: record.regionCode,
    payload: JSON.stringify(record.payload),
    evidence: JSON.stringify(record.evidence),
    state: record.state,
    period: record.period,
    proposerSubject: record.proposedBy.subject,
    proposerOrganisation: record.proposedBy.organisation,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

function transitionOf(row: ChangeTransitionRow): TransitionRecord {
  return {
    from: row.fromState as ChangeState | null,
    to: row.toState as ChangeState,
    actor: { subject: row.subject, organisation: row.organisation },
    at: row.at,
    reason: row.reason,
  };
}

/** A primary or unique key violated, on SQLite or MySQL/MariaDB. */
function isDuplicateKey(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: unknown; errno?: unknown } }).driverError;
  const code = driverError?.code;
  return driverError?.errno === 1062 || code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The changes store: the requests, their history, the idempotency keys and the audit trail. Every read is one `IN (...)` query per 1,000 keys. */
export function createChangeRepository(dataSource: DataSource) {
  const requests = dataSource.getRepository(ChangeRequestEntity);
  const transitions = dataSource.getRepository(ChangeTransitionEntity);
  const audit = auditTrailStore(dataSource, 'noKK');

  /** Reads on the primary: a mutation must see the writes just made (a retried key, the state it guards), which a read replica may not have yet. */
  async function onPrimary<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = dataSource.createQueryRunner('master');
    try {
      return await work(runner.manager);
    } finally {
      await runner.release();
    }
  }

  async function inChunks<Row>(values: readonly string[], read: (slice: string[]) => Promise<Row[]>): Promise<Row[]> {
    const rows: Row[] = [];
    for (const slice of chunk([...new Set(values)], KEYS_PER_STATEMENT)) rows.push(...(await read(slice)));
    return rows;
  }

  /** Writes inside one transaction: the idempotency key first, so a concurrent retry with it fails before writing anything. */
  async function write(key: IdempotencyKeyRow, entries: readonly AuditRecord[], work: (manager: EntityManager) => Promise<void>): Promise<void> {
    try {
      await dataSource.transaction(async (manager) => {
        await manager.getRepository(IdempotencyKeyEntity).insert(key);
        await work(manager);
        await manager.getRepository(FamilyAuditEntryEntity).createQueryBuilder().insert().values(entries.map(auditRow)).updateEntity(false).execute();
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new IdempotencyKeyTaken();
      throw error;
    }
  }

  function listingQuery(listing: ChangeListing) {
    const query = requests.createQueryBuilder('request');
    const prefixes = (name: string, values: readonly string[]) =>
      new Brackets((where) => {
        values.forEach((prefix, index) => where.orWhere(`request.region_code LIKE :${name}${index}`, { [`${name}${index}`]: `${prefix}%` }));
      });
    if (listing.readerRegions !== null) {
      if (listing.readerRegions.length === 0) query.andWhere('1 = 0');
      else query.andWhere(prefixes('readerRegion', listing.readerRegions));
    }
    if (listing.readerProgrammes !== null) {
      if (listing.readerProgrammes.length === 0) query.andWhere('1 = 0');
      else query.andWhere('request.program IN (:...readerProgrammes)', { readerProgrammes: listing.readerProgrammes });
    }
    if (listing.regionPrefix !== null) query.andWhere('request.region_code LIKE :regionPrefix', { regionPrefix: `${listing.regionPrefix}%` });
    if (listing.state !== null) query.andWhere('request.state = :state', { state: listing.state });
    if (listing.kind !== null) query.andWhere('request.kind = :kind', { kind: listing.kind });
    if (listing.period !== null) query.andWhere('request.period = :period', { period: listing.period });
    if (listing.program !== null) query.andWhere('request.program = :program', { program: listing.program });
    return query;
  }

  return {
    async byIds(ids: readonly string[]): Promise<(ChangeRequestRecord | null)[]> {
      const rows = await inChunks(ids, (slice) => requests.find({ where: { id: In(slice) } }));
      const byId = new Map(rows.map((row) => [row.id, recordOf(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    },

    /** Each family's requests, newest first. */
    async byNoKKs(noKKs: readonly string[]): Promise<ChangeRequestRecord[][]> {
      const rows = await inChunks(noKKs, (slice) => requests.find({ where: { noKK: In(slice) }, order: { createdAt: 'DESC', id: 'DESC' } }));
      return groupByKeys(noKKs, rows, (row) => row.noKK).map((group) => group.map(recordOf));
    },

    /** One request's state changes as the primary holds them, for a mutation's answer. */
    transitionsOnPrimary: async (id: string): Promise<TransitionRecord[]> =>
      (await onPrimary((manager) => manager.getRepository(ChangeTransitionEntity).find({ where: { requestId: id }, order: { id: 'ASC' } }))).map(transitionOf),

    /** Each request's state changes, oldest first. */
    async transitionsOf(ids: readonly string[]): Promise<TransitionRecord[][]> {
      const rows = await inChunks(ids, (slice) => transitions.find({ where: { requestId: In(slice) }, order: { id: 'ASC' } }));
      return groupByKeys(ids, rows, (row) => row.requestId).map((group) => group.map(transitionOf));
    },

    /** One page of the listing, oldest first, and whether another follows. */
    async page(listing: ChangeListing, after: ListingAfter | null, first: number): Promise<{ records: ChangeRequestRecord[]; hasNextPage: boolean }> {
      const query = listingQuery(listing);
      if (after !== null) {
        query.andWhere(
          new Brackets((where) => {
            where.where('request.created_at > :afterAt', { afterAt: after.createdAt }).orWhere('(request.created_at = :afterAt AND request.id > :afterId)', { afterAt: after.createdAt, afterId: after.id });
          }),
        );
      }
      const rows = await query.orderBy('request.created_at', 'ASC').addOrderBy('request.id', 'ASC').limit(first + 1).getMany();
      return { records: rows.slice(0, first).map(recordOf), hasNextPage: rows.length > first };
    },

    count: (listing: ChangeListing): Promise<number> => listingQuery(listing).getCount(),

    /** Where a key was used, read on the primary. */
    idempotencyKey: (owner: string, idempotencyKey: string): Promise<IdempotencyKeyRow | null> =>
      onPrimary((manager) => manager.getRepository(IdempotencyKeyEntity).findOne({ where: { owner, idempotencyKey } })),

    /** One request as the primary holds it, for a mutation to act on. */
    requestOnPrimary: async (id: string): Promise<ChangeRequestRecord | null> => {
      const row = await onPrimary((manager) => manager.getRepository(ChangeRequestEntity).findOne({ where: { id } }));
      return row === null ? null : recordOf(row);
    },

    /** Stores a new request with its first transition, its key and its audit entries, in one transaction. */
    propose: (record: ChangeRequestRecord, transition: ChangeTransitionRow, key: IdempotencyKeyRow, entries: readonly AuditRecord[]): Promise<void> =>
      write(key, entries, async (manager) => {
        await manager.getRepository(ChangeRequestEntity).insert(rowOf(record));
        await manager.getRepository(ChangeTransitionEntity).insert(transition);
      }),

    /** Moves a request on, in one transaction; StateMoved when it is no longer in `change.from`. */
    changeState: (change: StateChange, key: IdempotencyKeyRow, entries: readonly AuditRecord[]): Promise<void> =>
      write(key, entries, async (manager) => {
        const result = await manager
          .getRepository(ChangeRequestEntity)
          .createQueryBuilder()
          .update()
          .set({ state: change.to, updatedAt: change.at, ...(change.period === null ? {} : { period: change.period }) })
          .where('id = :id AND state = :from', { id: change.id, from: change.from })
          .execute();
        if (result.affected !== 1) throw new StateMoved();
        await manager.getRepository(ChangeTransitionEntity).insert(change.transition);
      }),

    appendAudit: (entries: readonly AuditRecord[]): Promise<void> => audit.append(entries),

    /** Each NIK's entries in the trail (the payloads that name it, and what was done with them), newest first. */
    async auditByNiks(niks: readonly string[]): Promise<AuditRecord[][]> {
      const trail = dataSource.getRepository(FamilyAuditEntryEntity);
      const rows = await inChunks(niks, (slice) => trail.find({ where: { nik: In(slice) }, order: { readAt: 'DESC', id: 'DESC' } }));
      return groupByKeys(niks, rows, (row) => row.nik ?? '').map((group) => group.map(auditRecord));
    },

    async ping(): Promise<void> {
      await dataSource.query('SELECT 1');
    },
  };
}

export type ChangeRepository = ReturnType<typeof createChangeRepository>;
