import type { Register } from '../common/store-url';

/**
 * Registers whose family record is an entity of its own, keyed by the No. KK: dtsen references it
 * from `Household.<register>` (or leaves it null, so that the register is not asked). The others'
 * records are a field of their `Household`. Every direct call to a register's family record asks
 * through these, so the two shapes are written once.
 */
const OWN_FAMILY_ENTITY: Partial<Record<Register, string>> = { kemendes: 'KemendesReceipt' };

/** The `_entities` selection of a register's family record: on its own entity, or under `Household.<register>` (`input`: the unmasked copy). */
export function familySelection(register: Register, fields: string, input = false): string {
  const own = OWN_FAMILY_ENTITY[register];
  if (own) return `... on ${own} { ${input ? `input { ${fields} }` : fields} }`;
  return `... on Household { ${register}${input ? 'Input' : ''} { ${fields} } }`;
}

/** The representation that selects a family's record in the register. */
export function familyRepresentation(register: Register, noKK: string): { readonly __typename: string; readonly noKK: string } {
  return { __typename: OWN_FAMILY_ENTITY[register] ?? 'Household', noKK };
}

/** The record in one `_entities` answer to `familySelection` (without `input`): the entity itself, or its `<register>` field. */
export function familyOfEntity<Record>(register: Register, entity: { readonly [field: string]: unknown } | null | undefined): Record | null | undefined {
  if (OWN_FAMILY_ENTITY[register]) return entity as Record | null | undefined;
  return entity?.[register] as Record | null | undefined;
}

/** Where an error about the family record points within `_entities[i]`: the entity itself, or its `<register>` field. */
export function familyErrorField(register: Register): string | undefined {
  return OWN_FAMILY_ENTITY[register] ? undefined : register;
}
