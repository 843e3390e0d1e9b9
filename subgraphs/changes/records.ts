import type { Programme } from '../../common/programmes';

// A change request as the changes store holds it, and what its resolvers return.

export const CHANGE_KINDS = ['USUL_BARU', 'USUL_PROGRAM', 'SANGGAH', 'MEMBER_EVENT', 'HOUSEHOLD_UPDATE'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_CHANNELS = ['MUSDES', 'SIKS_NG', 'CEK_BANSOS'] as const;
export type ChangeChannel = (typeof CHANGE_CHANNELS)[number];

export const CHANGE_STATES = ['DRAFT', 'SUBMITTED', 'VERIFIED', 'REJECTED', 'CANCELLED', 'APPLIED'] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

export interface ProposedMemberRecord {
  readonly nik: string;
  readonly name: string;
  readonly sex: 'MALE' | 'FEMALE';
  readonly birthDate: string;
  readonly relationship: number;
}

export interface NewFamilyPayloadRecord {
  readonly type: 'NewFamilyPayload';
  readonly villageCode: string;
  readonly address: string;
  readonly members: readonly ProposedMemberRecord[];
}

export interface ProgramProposalPayloadRecord {
  readonly type: 'ProgramProposalPayload';
  readonly program: Programme;
  readonly motivation: string;
}

export type ObjectionGround = 'NOT_POOR' | 'DECEASED' | 'MOVED' | 'DUPLICATE' | 'NOT_FOUND' | 'OTHER';

export interface ObjectionPayloadRecord {
  readonly type: 'ObjectionPayload';
  readonly program: Programme | null;
  readonly ground: ObjectionGround;
  readonly note: string;
}

export interface MemberEventPayloadRecord {
  readonly type: 'MemberEventPayload';
  readonly event: 'BIRTH' | 'DEATH' | 'MOVE';
  readonly member: ProposedMemberRecord;
  readonly date: string;
  readonly toVillageCode: string | null;
}

export type HouseholdField = 'ADDRESS' | 'RT' | 'RW' | 'FLOOR_AREA' | 'DRINKING_WATER' | 'LIGHTING';

export interface HouseholdUpdatePayloadRecord {
  readonly type: 'HouseholdUpdatePayload';
  readonly changes: readonly { readonly field: HouseholdField; readonly value: string }[];
}

/** The payload of each kind, told apart by `type` (its GraphQL type's name). */
export type ChangePayloadRecord =
  | NewFamilyPayloadRecord
  | ProgramProposalPayloadRecord
  | ObjectionPayloadRecord
  | MemberEventPayloadRecord
  | HouseholdUpdatePayloadRecord;

export interface ActorRecord {
  readonly subject: string;
  readonly organisation: string;
}

export interface TransitionRecord {
  readonly from: ChangeState | null;
  readonly to: ChangeState;
  readonly actor: ActorRecord;
  /** ISO 8601 UTC. */
  readonly at: string;
  readonly reason: string | null;
}

export interface ChangeRequestRecord {
  readonly id: string;
  readonly noKK: string;
  readonly kind: ChangeKind;
  readonly channel: ChangeChannel;
  readonly program: Programme | null;
  /** 10 digits. */
  readonly regionCode: string;
  readonly payload: ChangePayloadRecord;
  readonly evidence: readonly string[];
  readonly state: ChangeState;
  /** YYYY-MM once submitted. */
  readonly period: string | null;
  readonly proposedBy: ActorRecord;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ChangeRequestConnectionValue {
  readonly nodes: readonly ChangeRequestRecord[];
  readonly pageInfo: { readonly endCursor: string | null; readonly hasNextPage: boolean };
  readonly totalCount: number | (() => Promise<number>);
}
