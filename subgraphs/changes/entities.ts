import { EntitySchema } from 'typeorm';
import { entityColumn } from '../../common/store/entity-columns';

// The changes store's tables; names match migrations/ exactly.

/** One change request; its payload and evidence as JSON text (the payload's shape is its kind's). */
export interface ChangeRequestRow {
  readonly id: string;
  readonly noKK: string;
  readonly kind: string;
  readonly channel: string;
  readonly program: string | null;
  readonly regionCode: string;
  readonly payload: string;
  readonly evidence: string;
  readonly state: string;
  readonly period: string | null;
  readonly proposerSubject: string;
  readonly proposerOrganisation: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One change of a request's state (the proposal itself: from null to DRAFT). */
export interface ChangeTransitionRow {
  readonly id?: number;
  readonly requestId: string;
  readonly fromState: string | null;
  readonly toState: string;
  readonly subject: string;
  readonly organisation: string;
  readonly at: string;
  readonly reason: string | null;
}

/** An idempotency key used: by whom (a hash of organisation and subject), for which action and input, and the request it acted on. */
export interface IdempotencyKeyRow {
  readonly owner: string;
  readonly idempotencyKey: string;
  readonly action: string;
  readonly inputHash: string;
  readonly requestId: string;
  readonly createdAt: string;
}

export const ChangeRequestEntity = new EntitySchema<ChangeRequestRow>({
  name: 'ChangeRequest',
  tableName: 'change_request',
  columns: {
    id: { ...entityColumn.varchar('id', 36), primary: true },
    noKK: entityColumn.varchar('no_kk', 16),
    kind: entityColumn.varchar('kind', 16),
    channel: entityColumn.varchar('channel', 10),
    program: entityColumn.varchar('program', 6, true),
    regionCode: entityColumn.varchar('region_code', 10),
    payload: entityColumn.text('payload'),
    evidence: entityColumn.text('evidence'),
    state: entityColumn.varchar('state', 9),
    period: entityColumn.varchar('period', 7, true),
    proposerSubject: entityColumn.varchar('proposer_subject', 255),
    proposerOrganisation: entityColumn.varchar('proposer_organisation', 255),
    createdAt: entityColumn.varchar('created_at', 24),
    updatedAt: entityColumn.varchar('updated_at', 24),
  },
  indices: [
    { name: 'idx_change_request_no_kk', columns: ['noKK'] },
    { name: 'idx_change_request_region_code', columns: ['regionCode'] },
    { name: 'idx_change_request_listing', columns: ['createdAt', 'id'] },
  ],
});

export const ChangeTransitionEntity = new EntitySchema<ChangeTransitionRow>({
  name: 'ChangeTransition',
  tableName: 'change_transition',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    requestId: entityColumn.varchar('request_id', 36),
    fromState: entityColumn.varchar('from_state', 9, true),
    toState: entityColumn.varchar('to_state', 9),
    subject: entityColumn.varchar('subject', 255),
    organisation: entityColumn.varchar('organisation', 255),
    at: entityColumn.varchar('at', 24),
    reason: entityColumn.varchar('reason', 500, true),
  },
  indices: [{ name: 'idx_change_transition_request_id', columns: ['requestId'] }],
});

export const IdempotencyKeyEntity = new EntitySchema<IdempotencyKeyRow>({
  name: 'IdempotencyKey',
  tableName: 'change_idempotency_key',
  columns: {
    owner: { ...entityColumn.varchar('owner', 64), primary: true },
    idempotencyKey: { ...entityColumn.varchar('idempotency_key', 128), primary: true },
    action: entityColumn.varchar('action', 16),
    inputHash: entityColumn.varchar('input_hash', 64),
    requestId: entityColumn.varchar('request_id', 36),
    createdAt: entityColumn.varchar('created_at', 24),
  },
});
