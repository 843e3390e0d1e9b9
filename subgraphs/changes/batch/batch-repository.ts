import { In, type DataSource } from 'typeorm';
import { FamilyAuditEntryEntity } from '../../../common/store/audit-entity';
import { auditRow, type AuditRecord } from '../../../common/store/audit-records';
import { chunk } from '../../../common/store/chunks';
import { niksOf } from '../domain/proposal';
import { ChangeRequestEntity, ChangeTransitionEntity } from '../entities';
import type { ActorRecord, ChangeRequestRecord } from '../records';
import { recordOf } from '../repository';
import type { VerifiedRequest } from './compose';
import { ChangeBatchEntity, ChangeBatchFileEntity, ChangeBatchRequestEntity, type ChangeBatchFileRow, type ChangeBatchRequestRow, type ChangeBatchRow } from './entities';

const KEYS_PER_STATEMENT = 1_000;

/** A batch file whose requests are not all APPLIED yet, with those requests. */
export interface OpenBatchFile extends ChangeBatchFileRow {
  readonly createdAt: string;
  readonly requestIds: readonly string[];
}

/** One step the batch or the import takes on a request, with who took it and why. */
export interface BatchStep {
  readonly request: ChangeRequestRecord;
  readonly actor: ActorRecord;
  readonly at: string;
  readonly reason: string;
  /** The audit trail's operation. */
  readonly operation: string;
}

const auditEntries = (step: BatchStep): AuditRecord[] => {
  const base = { at: step.at, subject: step.actor.subject, organisation: step.actor.organisation, purpose: 'period batch', roles: [], operation: step.operation, requestId: null, noKK: step.request.noKK };
  return [{ ...base, nik: null }, ...niksOf(step.request.payload).map((nik) => ({ ...base, nik }))];
};

/** The changes store as the period's batch uses it: the verified requests, the batches, and the steps to APPLIED. */
export function createBatchRepository(dataSource: DataSource) {
  async function inChunks<Row>(values: readonly string[], read: (slice: string[]) => Promise<Row[]>): Promise<Row[]> {
    const rows: Row[] = [];
    for (const slice of chunk([...new Set(values)], KEYS_PER_STATEMENT)) rows.push(...(await read(slice)));
    return rows;
  }

  /** One history entry from VERIFIED, its audit entries and the state, guarded by VERIFIED; false when the request left VERIFIED meanwhile. */
  async function step(step: BatchStep, to: 'VERIFIED' | 'APPLIED'): Promise<boolean> {
    return dataSource.transaction(async (manager) => {
      const result = await manager
        .getRepository(ChangeRequestEntity)
        .createQueryBuilder()
        .update()
        .set({ state: to, updatedAt: step.at })
        .where('id = :id AND state = :from', { id: step.request.id, from: 'VERIFIED' })
        .execute();
      if (result.affected !== 1) return false;
      await manager.getRepository(ChangeTransitionEntity).insert({ requestId: step.request.id, fromState: 'VERIFIED', toState: to, subject: step.actor.subject, organisation: step.actor.organisation, at: step.at, reason: step.reason });
      await manager.getRepository(FamilyAuditEntryEntity).createQueryBuilder().insert().values(auditEntries(step).map(auditRow)).updateEntity(false).execute();
      return true;
    });
  }

  return {
    /** The period's VERIFIED requests, each with the time of its (last) verification. */
    async verified(period: string): Promise<VerifiedRequest[]> {
      const rows = await dataSource.getRepository(ChangeRequestEntity).find({ where: { period, state: 'VERIFIED' }, order: { id: 'ASC' } });
      const verifications = await inChunks(
        rows.map((row) => row.id),
        (slice) => dataSource.getRepository(ChangeTransitionEntity).find({ where: { requestId: In(slice), toState: 'VERIFIED', fromState: 'SUBMITTED' }, order: { id: 'ASC' } }),
      );
      const verifiedAt = new Map(verifications.map((row) => [row.requestId, row.at]));
      return rows.map((row) => ({ record: recordOf(row), verifiedAt: verifiedAt.get(row.id) ?? row.updatedAt }));
    },

    /** The reason of each request's latest history entry, by id. */
    async latestReasons(ids: readonly string[]): Promise<Map<string, string | null>> {
      const rows = await inChunks(ids, (slice) => dataSource.getRepository(ChangeTransitionEntity).find({ where: { requestId: In(slice) }, order: { id: 'ASC' } }));
      return new Map(rows.map((row) => [row.requestId, row.reason]));
    },

    batchExists: async (id: string): Promise<boolean> => (await dataSource.getRepository(ChangeBatchEntity).countBy({ id })) > 0,

    /** A batch with its files and the requests each carries, in one transaction. */
    async recordBatch(batch: ChangeBatchRow, files: readonly ChangeBatchFileRow[], requests: readonly ChangeBatchRequestRow[]): Promise<void> {
      await dataSource.transaction(async (manager) => {
        await manager.getRepository(ChangeBatchEntity).insert(batch);
        await manager.getRepository(ChangeBatchFileEntity).insert([...files]);
        for (const slice of chunk(requests, KEYS_PER_STATEMENT)) await manager.getRepository(ChangeBatchRequestEntity).insert(slice);
      });
    },

    /** The batch files carrying a request still VERIFIED, oldest batch first, each with those requests. */
    async openFiles(): Promise<OpenBatchFile[]> {
      const verified = await dataSource.getRepository(ChangeRequestEntity).find({ select: { id: true }, where: { state: 'VERIFIED' } });
      const carried = await inChunks(
        verified.map((row) => row.id),
        (slice) => dataSource.getRepository(ChangeBatchRequestEntity).find({ where: { requestId: In(slice) } }),
      );
      if (carried.length === 0) return [];
      const files = await inChunks(
        carried.map((row) => row.batchId),
        (slice) => dataSource.getRepository(ChangeBatchFileEntity).find({ where: { batchId: In(slice) } }),
      );
      const batches = await inChunks(
        carried.map((row) => row.batchId),
        (slice) => dataSource.getRepository(ChangeBatchEntity).find({ where: { id: In(slice) } }),
      );
      const createdAt = new Map(batches.map((batch) => [batch.id, batch.createdAt]));
      return files
        .map((file) => ({
          ...file,
          createdAt: createdAt.get(file.batchId) ?? '',
          requestIds: carried.filter((row) => row.batchId === file.batchId && row.register === file.register).map((row) => row.requestId).sort(),
        }))
        .filter((file) => file.requestIds.length > 0)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.batchId.localeCompare(b.batchId) || a.register.localeCompare(b.register));
    },

    requests: async (ids: readonly string[]): Promise<ChangeRequestRecord[]> =>
      (await inChunks(ids, (slice) => dataSource.getRepository(ChangeRequestEntity).find({ where: { id: In(slice) }, order: { id: 'ASC' } }))).map(recordOf),

    /** VERIFIED to APPLIED with its history and audit entries; false when it is no longer VERIFIED. */
    apply: (applied: BatchStep): Promise<boolean> => step(applied, 'APPLIED'),

    /** Keeps why a batch left the request out, in its history (it stays VERIFIED). */
    leaveOut: (left: BatchStep): Promise<boolean> => step(left, 'VERIFIED'),
  };
}

export type BatchRepository = ReturnType<typeof createBatchRepository>;
