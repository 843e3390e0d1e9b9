import DataLoader from 'dataloader';
import type { IndexQueryRepository } from '../resolution/query-repository';
import type { Principal } from '../common/auth/principal';
import type { Sex } from '../common/identifiers';
import { createAuditRecorder } from '../common/subgraph/audit-recorder';
import type { SourceCalls } from './subgraph-policy';

/** The registers that list a family's members, each with its own member records. */
export type MemberRegister = 'dtks' | 'regsosek' | 'p3ke';
export const MEMBER_REGISTERS: readonly MemberRegister[] = ['dtks', 'regsosek', 'p3ke'];

/** One member record of a NIK, under any family: what decides a person's name, sex and birth date. */
export interface MemberRecord {
  readonly noKK: string;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
}

/** Each register's member records; Regsosek's say whether the person still lives there, died or moved. */
export interface MemberRecordOf {
  readonly dtks: MemberRecord;
  readonly regsosek: MemberRecord & { readonly presence: number };
  readonly p3ke: MemberRecord;
}

/**
 * Whether any register holds a family (No. KK) or lists a person (NIK) for the principal, answered
 * in key order. An Error in place of a boolean fails only that key, as DataLoader allows: a
 * FORBIDDEN error when the registers refuse the principal the key (a family outside its regions),
 * an unavailable source when a register could not be asked and no other holds the key.
 */
export interface RegisterDirectory {
  /**
   * `calls`: the gateway request's register calls (its deadline, the registers that already failed
   * in it); `requestId`: its id, sent with each register call and kept in audit entries.
   */
  householdsHeld(noKKs: readonly string[], principal: Principal, calls?: SourceCalls, requestId?: string | null): Promise<readonly (boolean | Error)[]>;
  personsHeld(niks: readonly string[], principal: Principal, calls?: SourceCalls, requestId?: string | null): Promise<readonly (boolean | Error)[]>;
  /**
   * Each NIK's member records in one register, under any family, as the register shows them to the
   * principal (region-limited at the source, and audited there); an Error where it could not be asked.
   */
  memberRecords<R extends MemberRegister>(
    register: R,
    niks: readonly string[],
    principal: Principal,
    calls?: SourceCalls,
    requestId?: string | null,
  ): Promise<readonly (readonly MemberRecordOf[R][] | Error)[]>;
}

export interface DirectoryLoaders {
  readonly householdHeld: DataLoader<string, boolean>;
  readonly personHeld: DataLoader<string, boolean>;
  /** A NIK's member records in each register: one call per register per batch. */
  readonly memberRecords: { readonly [R in MemberRegister]: DataLoader<string, readonly MemberRecordOf[R][]> };
}

function inKeyOrder<Answer>(
  what: string,
  ask: (keys: readonly string[]) => Promise<readonly (Answer | Error)[]>,
): (keys: readonly string[]) => Promise<readonly (Answer | Error)[]> {
  return async (keys) => {
    const answers = await ask(keys);
    if (answers.length !== keys.length) {
      throw new Error(`The register directory answered ${answers.length} ${what} for ${keys.length} keys`);
    }
    return answers;
  };
}

/** Per-request loaders, for the request's principal: one directory call per batch of look-ups. */
export function createDirectoryLoaders(directory: RegisterDirectory, principal: Principal, calls?: SourceCalls, requestId: string | null = null): DirectoryLoaders {
  return {
    householdHeld: new DataLoader(inKeyOrder('households', (noKKs) => directory.householdsHeld(noKKs, principal, calls, requestId))),
    personHeld: new DataLoader(inKeyOrder('persons', (niks) => directory.personsHeld(niks, principal, calls, requestId))),
    memberRecords: {
      dtks: new DataLoader(inKeyOrder('member records', (niks) => directory.memberRecords('dtks', niks, principal, calls, requestId))),
      regsosek: new DataLoader(inKeyOrder('member records', (niks) => directory.memberRecords('regsosek', niks, principal, calls, requestId))),
      p3ke: new DataLoader(inKeyOrder('member records', (niks) => directory.memberRecords('p3ke', niks, principal, calls, requestId))),
    },
  };
}

/**
 * The registers' directory, with the resolution index answering first for households: a family
 * any run indexed is held, because no path deletes a family from the registers (imports add and
 * update), so the look-up skips a round of three register calls. The registers are still asked
 * about the families the index lacks (imported since the last run, or unknown), and always for a
 * region-bound principal, whom a register refuses a family outside its regions.
 *
 * That a family is held is itself told about the family (`household(noKK) { noKK }` asks no
 * register), so the families the index answers for are recorded in its audit trail first.
 */
export function indexFirstDirectory(directory: RegisterDirectory, index: Pick<IndexQueryRepository, 'indexedHouseholds' | 'appendAudit'>): RegisterDirectory {
  async function indexedAndRecorded(noKKs: readonly string[], principal: Principal, requestId: string | null): Promise<ReadonlySet<string>> {
    const indexed = await index.indexedHouseholds(noKKs);
    const audit = createAuditRecorder(principal, (entries) => index.appendAudit(entries), requestId);
    for (const noKK of indexed) audit.indexedFamily(noKK);
    await audit.flush();
    return indexed;
  }
  return {
    async householdsHeld(noKKs, principal, calls, requestId = null) {
      if (principal.regions !== null) return directory.householdsHeld(noKKs, principal, calls, requestId);
      // An index that cannot be read, or cannot record the answer, leaves the look-up to the
      // registers (which record it), as before any run.
      const indexed = await indexedAndRecorded(noKKs, principal, requestId).catch(() => new Set<string>());
      const rest = noKKs.filter((noKK) => !indexed.has(noKK));
      const asked = rest.length > 0 ? await directory.householdsHeld(rest, principal, calls, requestId) : [];
      const answers = new Map(rest.map((noKK, position) => [noKK, asked[position] ?? false]));
      return noKKs.map((noKK) => indexed.has(noKK) || (answers.get(noKK) ?? false));
    },
    personsHeld: (niks, principal, calls, requestId) => directory.personsHeld(niks, principal, calls, requestId),
    memberRecords: (register, niks, principal, calls, requestId) => directory.memberRecords(register, niks, principal, calls, requestId),
  };
}
