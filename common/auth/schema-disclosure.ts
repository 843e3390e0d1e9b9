import { getDirective, mapSchema, MapperKind } from '@graphql-tools/utils';
import { defaultFieldResolver, isObjectType, type GraphQLFieldConfig, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { forbidden } from '../errors';
import { seesIdentity, seesSensitive, shownIdentity, type IdentityKind } from './disclosure';
import type { Principal } from './principal';

// The `@disclosure` directive of the subgraphs' SDL (docs/security.md, "Disclosure classes"), read
// from a schema and applied: every subgraph's schema is wrapped by it, so a field marked personal is
// masked wherever it is resolved; the gateway reads the same classes from the supergraph for the
// entity keys it masks and the CSV export's columns (what a partner may select is its contract's: `@tag`). What a class
// means for a principal is common/auth/disclosure.ts.

export const DISCLOSURE_CLASSES = ['PUBLIC', 'KEY', 'IDENTIFIER', 'NAME', 'ADDRESS', 'BIRTH_DATE', 'NIK_READING', 'SENSITIVE', 'DERIVED'] as const;
export type DisclosureClass = (typeof DISCLOSURE_CLASSES)[number];

export interface FieldDisclosure {
  readonly class: DisclosureClass;
}

/** How each personal class is masked; KEY is the gateway's to mask (the planner joins on it), so a subgraph leaves it whole. */
const MASKS: Readonly<Partial<Record<DisclosureClass, IdentityKind>>> = {
  KEY: 'identifier',
  IDENTIFIER: 'identifier',
  NAME: 'name',
  ADDRESS: 'address',
  BIRTH_DATE: 'birthDate',
};

/**
 * Register records reach clients masked, and the dtsen subgraph's `@requires` inputs unmasked.
 * The `<register>Input` fields mark what they return (the record and the records in its lists);
 * every personal or sensitive field of an unmarked record is masked or withheld. Forgetting a mark
 * therefore masks too much, never too little.
 */
const UNMASKED = Symbol('unmasked');

function isUnmasked(source: unknown): boolean {
  return typeof source === 'object' && source !== null && (source as { [UNMASKED]?: true })[UNMASKED] === true;
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

export interface SchemaDisclosure {
  /** The field's class, its own `@disclosure` or else its type's; null when neither declares one. */
  field(type: string, field: string): FieldDisclosure | null;
  /** `Type.field` of every object field without a class (the introspection and federation types aside). */
  unclassified(): string[];
  /**
   * How a principal is shown a value of a field whose class masks it (KEY and the personal
   * classes) or leaves it whole (PUBLIC). Throws at once for any other class: a caller serving
   * such a field outside GraphQL (the CSV export) cannot serve it.
   */
  shownAs(type: string, field: string): (principal: Principal) => (value: string) => string;
  /**
   * The subgraph schema with every personal and sensitive field's resolver wrapped: masked,
   * withheld or refused as its class says for the request's principal, unless its record is
   * marked `unmasked`. PUBLIC, KEY and DERIVED fields are left to their resolvers.
   */
  enforced<Context>(principalOf: (context: Context) => Principal): GraphQLSchema;
}

const FEDERATION_TYPES = new Set(['_Service']);

function declared(schema: GraphQLSchema, node: Parameters<typeof getDirective>[1], coordinate: string): FieldDisclosure | null {
  const directive = getDirective(schema, node, 'disclosure')?.[0];
  if (directive === undefined) return null;
  const value: unknown = directive['class'];
  if (!(DISCLOSURE_CLASSES as readonly unknown[]).includes(value)) throw new Error(`@disclosure(class: ${String(value)}) on ${coordinate} is not a disclosure class`);
  return { class: value as DisclosureClass };
}

/** The `@disclosure` classes of `schema` (a subgraph's, or the supergraph), and what they do. */
export function schemaDisclosure(schema: GraphQLSchema): SchemaDisclosure {
  const classes = new Map<string, FieldDisclosure | null>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || FEDERATION_TYPES.has(type.name)) continue;
    const ofType = declared(schema, type, type.name);
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('_')) continue;
      const coordinate = `${type.name}.${field.name}`;
      classes.set(coordinate, declared(schema, field, coordinate) ?? ofType);
    }
  }
  const field = (type: string, name: string): FieldDisclosure | null => classes.get(`${type}.${name}`) ?? null;

  return {
    field,
    unclassified: () => [...classes].filter(([, disclosure]) => disclosure === null).map(([coordinate]) => coordinate),
    shownAs(type, name) {
      const disclosure = field(type, name);
      if (disclosure?.class === 'PUBLIC') return () => (value) => value;
      const mask = disclosure === null ? undefined : MASKS[disclosure.class];
      if (mask === undefined) throw new Error(`${type}.${name} is ${disclosure?.class ?? 'without a disclosure class'}: only its resolver can serve it`);
      return (principal) => shownIdentity(principal, mask);
    },
    enforced<Context>(principalOf: (context: Context) => Principal) {
      return mapSchema(schema, {
        [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => {
          const disclosure = field(typeName, fieldName);
          return disclosure === null ? config : enforcedField(config, fieldName, disclosure.class, principalOf);
        },
      });
    },
  };
}

function enforcedField<Context>(
  config: GraphQLFieldConfig<unknown, unknown>,
  fieldName: string,
  disclosureClass: DisclosureClass,
  principalOf: (context: Context) => Principal,
): GraphQLFieldConfig<unknown, unknown> {
  const resolve: GraphQLFieldResolver<unknown, unknown> = config.resolve ?? defaultFieldResolver;
  const mask = disclosureClass === 'KEY' ? undefined : MASKS[disclosureClass];
  if (mask !== undefined) {
    return {
      ...config,
      resolve: (source, args, context, info) => {
        const value = resolve(source, args, context, info);
        if (isUnmasked(source)) return value;
        const show = shownIdentity(principalOf(context as Context), mask);
        return value instanceof Promise ? value.then((resolved: unknown) => shownValue(resolved, show)) : shownValue(value, show);
      },
    };
  }
  if (disclosureClass === 'NIK_READING') {
    return {
      ...config,
      resolve: (source, args, context, info) =>
        isUnmasked(source) || seesIdentity(principalOf(context as Context)) ? resolve(source, args, context, info) : null,
    };
  }
  if (disclosureClass === 'SENSITIVE') {
    return {
      ...config,
      resolve: (source, args, context, info) => {
        if (!isUnmasked(source) && !seesSensitive(principalOf(context as Context))) {
          throw forbidden(`${fieldName} is sensitive data and needs the sensitive scope`);
        }
        return resolve(source, args, context, info);
      },
    };
  }
  return config;
}

function shownValue(value: unknown, show: (value: string) => string): unknown {
  return typeof value === 'string' ? show(value) : value;
}
