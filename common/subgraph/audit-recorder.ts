import type { Principal } from '../auth/principal';
import type { AuditRecord } from '../store/audit-records';

/**
 * Collects the personal-data reads of one request and appends them to the audit trail in one
 * write when the response is about to leave (audit-plugin.ts), or, where data leaves in parts (the
 * CSV export's chunks), before each part. Reads repeated within the request (the client field and
 * the `@requires` input of the same family) are one entry.
 */
export interface AuditRecorder {
  /** A family record was served: one entry per member NIK, with the family's No. KK. */
  family(noKK: string, niks: readonly string[]): void;
  /** A person's member records, or a NIK's audit trail, were served. */
  person(nik: string): void;
  /** A family's row of the resolution index was served: the index holds no NIKs, so one entry names the No. KK. */
  indexedFamily(noKK: string): void;
  /** Appends what was collected since the last flush, in one write. */
  flush(): Promise<void>;
}

/** `requestId`: the request's `x-request-id`, kept with each entry so a read can be found in the logs; null outside a request. */
export function createAuditRecorder(
  principal: Principal,
  append: (entries: readonly AuditRecord[]) => Promise<void>,
  requestId: string | null,
  now: () => Date = () => new Date(),
): AuditRecorder {
  const reads = new Map<string, { nik: string | null; noKK: string | null }>();
  const add = (nik: string | null, noKK: string | null) => {
    reads.set(`${nik ?? ''}|${noKK ?? ''}`, { nik, noKK });
  };
  return {
    family(noKK, niks) {
      for (const nik of niks) add(nik, noKK);
    },
    person(nik) {
      add(nik, null);
    },
    indexedFamily(noKK) {
      add(null, noKK);
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
        requestId,
        nik,
        noKK,
      }));
      reads.clear();
      await append(entries);
    },
  };
}
