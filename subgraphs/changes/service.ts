import { createHash, randomUUID } from 'node:crypto';
import type { Principal } from '../../common/auth/principal';
import { canonicalJson } from '../../common/cursor';
import { badUserInput, conflict, invalidStateTransition } from '../../common/errors';
import { periodOfSubmission } from '../../common/period';
import type { AuditRecord } from '../../common/store/audit-records';
import { assertMayAct, assertMayPropose } from './domain/access';
import { niksOf, validProposal } from './domain/proposal';
import { stepFrom, type ChangeAction } from './domain/states';
import type { IdempotencyKeyRow } from './entities';
import type { ProposeChangeInput } from './generated/resolvers-types';
import type { ChangeLoaders } from './loaders';
import type { ChangeRequestRecord } from './records';
import { IdempotencyKeyTaken, StateMoved, type ChangeRepository } from './repository';

const MAX_KEY_LENGTH = 128;
const DONE: Readonly<Record<ChangeAction, string>> = { submit: 'submitted', verify: 'verified', reject: 'rejected', cancel: 'cancelled' };
const MAX_REASON_LENGTH = 500;

export interface ChangeServiceOptions {
  readonly repository: ChangeRepository;
  /** CHANGE_CUTOFF_DAY. */
  readonly cutoffDay: number;
  /** The clock writes are stamped and periods counted with. */
  readonly now: () => Date;
}

/** One mutation's caller and request: who acts, through which loaders, under which request id. */
export interface Caller {
  readonly principal: Principal;
  readonly loaders: ChangeLoaders;
  readonly requestId: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Idempotency keys are the caller's own: one organisation's subject cannot replay or block another's. */
const ownerOf = (principal: Principal) => sha256(`${principal.organisation}\u0000${principal.subject}`);

function checkedKey(idempotencyKey: string): string {
  if (idempotencyKey.length < 1 || idempotencyKey.length > MAX_KEY_LENGTH) {
    throw badUserInput(`idempotencyKey must be 1 to ${MAX_KEY_LENGTH} characters`, 'idempotencyKey');
  }
  return idempotencyKey;
}

function auditEntries(caller: Caller, action: string, request: ChangeRequestRecord, at: string): AuditRecord[] {
  const { principal } = caller;
  const base = { at, subject: principal.subject, organisation: principal.organisation, purpose: principal.purpose, roles: principal.roles, operation: action, requestId: caller.requestId, noKK: request.noKK };
  return [{ ...base, nik: null }, ...niksOf(request.payload).map((nik) => ({ ...base, nik }))];
}

/**
 * The mutations: proposal and the steps after it, each idempotent by its key, each write with its
 * state change and audit entries in one transaction.
 */
export function createChangeService(options: ChangeServiceOptions) {
  const { repository, cutoffDay, now } = options;

  /** The request a key was used for, when it was used for this very action and input; CONFLICT when for another. */
  async function replayed(caller: Caller, key: IdempotencyKeyRow | null, action: string, inputHash: string): Promise<ChangeRequestRecord | null> {
    if (key === null) return null;
    if (key.action !== action || key.inputHash !== inputHash) {
      throw conflict('idempotencyKey was used before for another change; use a new key for a new change');
    }
    const request = await repository.requestOnPrimary(key.requestId);
    if (request === null) throw new Error('An idempotency key names a request the store does not hold');
    await answeredFromPrimary(caller, request.id);
    return request;
  }

  async function keyed(caller: Caller, idempotencyKey: string, action: string, input: unknown, work: (key: IdempotencyKeyRow) => Promise<ChangeRequestRecord>): Promise<ChangeRequestRecord> {
    const owner = ownerOf(caller.principal);
    const keyText = checkedKey(idempotencyKey);
    const inputHash = sha256(canonicalJson({ action, input }));
    const before = await replayed(caller, await repository.idempotencyKey(owner, keyText), action, inputHash);
    if (before) return before;
    try {
      return await work({ owner, idempotencyKey: keyText, action, inputHash, requestId: '', createdAt: '' });
    } catch (error) {
      if (!(error instanceof IdempotencyKeyTaken)) throw error;
      // A concurrent retry with the same key wrote first: answer as a retry.
      const after = await replayed(caller, await repository.idempotencyKey(owner, keyText), action, inputHash);
      if (after) return after;
      throw error;
    }
  }

  /** The history a mutation answers with is the primary's: a read replica may not hold the step just written. */
  async function answeredFromPrimary(caller: Caller, id: string): Promise<void> {
    caller.loaders.transitionsById.clear(id).prime(id, await repository.transitionsOnPrimary(id));
  }

  async function regionOf(caller: Caller, noKK: string, villageCode: string | null): Promise<string> {
    if (villageCode !== null) return villageCode;
    const region = await caller.loaders.regionByNoKK.load(noKK);
    if (region === null) throw badUserInput('No register holds this No. KK; propose a new family as USUL_BARU', 'input.noKK');
    return region;
  }

  return {
    async propose(caller: Caller, input: ProposeChangeInput, idempotencyKey: string): Promise<ChangeRequestRecord> {
      assertMayPropose(caller.principal, null);
      return keyed(caller, idempotencyKey, 'propose', input, async (key) => {
        const proposal = validProposal(input);
        const regionCode = await regionOf(caller, proposal.noKK, proposal.villageCode);
        assertMayPropose(caller.principal, regionCode);
        const at = now().toISOString();
        const actor = { subject: caller.principal.subject, organisation: caller.principal.organisation };
        const { villageCode: _villageCode, ...fields } = proposal;
        const request: ChangeRequestRecord = { ...fields, id: randomUUID(), regionCode, state: 'DRAFT', period: null, proposedBy: actor, createdAt: at, updatedAt: at };
        await repository.propose(
          request,
          { requestId: request.id, fromState: null, toState: 'DRAFT', subject: actor.subject, organisation: actor.organisation, at, reason: null },
          { ...key, requestId: request.id, createdAt: at },
          auditEntries(caller, 'proposeChange', request, at),
        );
        await answeredFromPrimary(caller, request.id);
        return request;
      });
    },

    async act(caller: Caller, id: string, action: ChangeAction, reason: string | null, idempotencyKey: string): Promise<ChangeRequestRecord> {
      return keyed(caller, idempotencyKey, action, { id, reason }, async (key) => {
        const text = reason === null ? null : reason.trim();
        if (text !== null && (text === '' || text.length > MAX_REASON_LENGTH)) throw badUserInput(`reason must be 1 to ${MAX_REASON_LENGTH} characters`, 'reason');
        const request = await repository.requestOnPrimary(id);
        if (request === null) throw badUserInput('id names no change request', 'id');
        assertMayAct(caller.principal, request, action);
        const to = stepFrom(request.state, action);
        if (to === null) throw invalidStateTransition(`A ${request.state} change request cannot be ${DONE[action]}`, request.state);
        const at = now().toISOString();
        const period = action === 'submit' ? periodOfSubmission(new Date(at), cutoffDay) : null;
        const { subject, organisation } = caller.principal;
        try {
          await repository.changeState(
            { id, from: request.state, to, period, at, transition: { requestId: id, fromState: request.state, toState: to, subject, organisation, at, reason: text } },
            { ...key, requestId: id, createdAt: at },
            auditEntries(caller, `${action}Change`, request, at),
          );
        } catch (error) {
          if (!(error instanceof StateMoved)) throw error;
          const moved = await repository.requestOnPrimary(id);
          throw invalidStateTransition(`The change request was moved on meanwhile; it is ${moved?.state ?? 'gone'}`, moved?.state ?? request.state);
        }
        await answeredFromPrimary(caller, id);
        return { ...request, state: to, updatedAt: at, period: period ?? request.period };
      });
    },
  };
}

export type ChangeService = ReturnType<typeof createChangeService>;
