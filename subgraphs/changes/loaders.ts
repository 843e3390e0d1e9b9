import DataLoader from 'dataloader';
import type { Principal } from '../../common/auth/principal';
import type { AuditRecord } from '../../common/store/audit-records';
import type { HttpRegisterDirectory } from '../../subgraph-calls/register-directory-http';
import type { ChangeRequestRecord, TransitionRecord } from './records';
import type { ChangeRepository } from './repository';

/** Per-request loaders: every key asked in one tick is one batch, one `IN (...)` query (or one call per register). */
export interface ChangeLoaders {
  readonly requestById: DataLoader<string, ChangeRequestRecord | null>;
  readonly requestsByNoKK: DataLoader<string, ChangeRequestRecord[]>;
  readonly transitionsById: DataLoader<string, TransitionRecord[]>;
  /** The audit trail's entries naming each NIK. */
  readonly auditByNik: DataLoader<string, AuditRecord[]>;
  /** The village a register places the family in, asked with the request's principal; null: no register holds it. */
  readonly regionByNoKK: DataLoader<string, string | null>;
}

export function createChangeLoaders(repository: ChangeRepository, registers: Pick<HttpRegisterDirectory, 'householdRegions'>, principal: Principal, requestId: string): ChangeLoaders {
  return {
    requestById: new DataLoader((ids) => repository.byIds(ids)),
    requestsByNoKK: new DataLoader((noKKs) => repository.byNoKKs(noKKs)),
    transitionsById: new DataLoader((ids) => repository.transitionsOf(ids)),
    auditByNik: new DataLoader((niks) => repository.auditByNiks(niks)),
    regionByNoKK: new DataLoader((noKKs) => registers.householdRegions(noKKs, principal, undefined, requestId)),
  };
}
