import type { Principal } from '../auth/principal';
import type { AuditRecord } from '../store/audit-records';

/**
 * Collects the personal-data reads of one request and appends them to the audit trail in one
 * write when the response is about to leave (audit-plugin.ts). Reads repeated within the request
 * (the client field and the `@requires` input of the same family) are one entry.
 */
export interface AuditRecorder {
  /** A family record was served: one entry per member NIK, with the family's No. KK. */
  family(noKK: string, niks: readonly string[]): void;
  /** A person's member records, or a NIK's audit trail, were served. */
  person(nik: string): void;
  /** Appends what was collected; at most once per request. */
  flush(): Promise<void>;
}

export function createAuditRecorder(
  principal: Principal,
  append: (entries: readonly AuditRecord[]) => Promise<void>,
  now: () => Date = () => new Date(),
): AuditRecorder {
  const reads = new Map<string, { nik: string; noKK: string | null }>();
  const add = (nik: string, noKK: string | null) => {
    reads.set(`${nik}|${noKK ?? ''}`, { nik, noKK });
  };
  return {
    family(noKK, niks) {
      for (const nik of niks) add(nik, noKK);
    },
    person(nik) {
      add(nik, null);
    },
    async flush() {
      if (reads.size === 0) return;
      const at = now().toISOString();
      const entries = [...reads.values()].map(({ nik, noKK }) => ({
        at,
        subject: principal.subject,
        organisation: principal.organisation,
        purpose: principal.purpose,
        roles: principal.roles,
        operation: principal.operation,
        nik,
        noKK,
      }));
      reads.clear();
      await append(entries);
    },
  };
}
