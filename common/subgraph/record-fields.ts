import { seesSensitive, shownIdentity, type IdentityKind } from '../auth/disclosure';
import type { Principal } from '../auth/principal';
import { forbidden } from '../errors';

/**
 * Register records reach clients masked, and the dtsen subgraph's `@requires` inputs unmasked.
 * The `<register>Input` fields mark what they return (the record and the records in its lists);
 * the field resolvers below mask or withhold every field of an unmarked record. Forgetting a mark
 * therefore masks too much, never too little.
 */
const UNMASKED = Symbol('unmasked');

type RecordObject = { readonly [UNMASKED]?: true } & object;

function isUnmasked(record: RecordObject): boolean {
  return record[UNMASKED] === true;
}

/** A copy of `record` and of the objects in its list fields (members, receipts), marked unmasked. */
export function unmasked<T extends object>(record: T): T {
  const copy: Record<string | symbol, unknown> = { ...record, [UNMASKED]: true };
  for (const [key, value] of Object.entries(record)) {
    if (Array.isArray(value)) {
      copy[key] = value.map((item: unknown) => (typeof item === 'object' && item !== null ? { ...item, [UNMASKED]: true } : item));
    }
  }
  return copy as T;
}

interface PrincipalContext {
  readonly principal: Principal;
}

/** A NIK, No. KK, name, address or birth date field: as stored, or masked, as the principal may see `kind`. */
export function piiField(field: string, kind: IdentityKind) {
  return (record: RecordObject, _args: unknown, context: PrincipalContext): string => {
    const value = (record as Record<string, unknown>)[field] as string;
    return isUnmasked(record) ? value : shownIdentity(context.principal, kind)(value);
  };
}

/** A disability, health or pregnancy field: null with FORBIDDEN without the `sensitive` scope. */
export function sensitiveField(field: string) {
  return (record: RecordObject, _args: unknown, context: PrincipalContext): unknown => {
    if (!isUnmasked(record) && !seesSensitive(context.principal)) {
      throw forbidden(`${field} is sensitive data and needs the sensitive scope`);
    }
    return (record as Record<string, unknown>)[field];
  };
}

/** `<Register>Member.person`: the entity key is the stored NIK, whatever the member's view. */
export function personOfMember(member: { readonly nik: string }): { nik: string } {
  return { nik: member.nik };
}
