import { AUDIT_TEXT_LENGTH, type AuditEntryRow } from './audit-entity';

/** One read of one NIK's or one family's data: the `AuditEntry` of the schemas, plus the NIK it is about. */
export interface AuditRecord {
  /** ISO 8601 UTC. */
  readonly at: string;
  readonly subject: string;
  readonly organisation: string;
  readonly purpose: string;
  readonly roles: readonly string[];
  readonly operation: string | null;
  /** The request's id (`x-request-id`), as in the logs of every service it passed; null in entries written before it was kept. */
  readonly requestId: string | null;
  /** Null for a read of the resolution index, which holds families, not their members' NIKs. */
  readonly nik: string | null;
  /** The family read, when a family record (or an indexed family) was read. */
  readonly noKK: string | null;
}

/**
 * Subject, purpose and operation come from the token and the client: cut to the column width so a
 * long value is still recorded (its start) instead of failing the write and with it the read.
 */
const fit = (value: string): string => value.slice(0, AUDIT_TEXT_LENGTH);

export function auditRow(record: AuditRecord): AuditEntryRow {
  return {
    readAt: record.at,
    subject: fit(record.subject),
    organisation: fit(record.organisation),
    purpose: fit(record.purpose),
    roles: fit(record.roles.join(',')),
    operation: record.operation === null ? null : fit(record.operation),
    requestId: record.requestId,
    nik: record.nik,
    noKK: record.noKK,
  };
}

export function auditRecord(row: AuditEntryRow): AuditRecord {
  return {
    at: row.readAt,
    subject: row.subject,
    organisation: row.organisation,
    purpose: row.purpose,
    roles: row.roles === '' ? [] : row.roles.split(','),
    operation: row.operation,
    requestId: row.requestId,
    nik: row.nik,
    noKK: row.noKK,
  };
}
