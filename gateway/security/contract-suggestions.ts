import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

// Apollo validates an operation against the whole API before the contract check, and graphql-js's
// "Did you mean" (left on where introspection is, armor.ts) can then suggest what the caller's
// contract hides. A suggestion stays when the contract holds it.

const SUGGESTION = / Did you mean (?:the enum value )?(.+)\?$/;
const FIELD = /^Cannot query field "[^"]+" on type "([^"]+)"\./;
const ARGUMENT = /^Unknown argument "[^"]+" on field "([^".]+)\.([^"]+)"\./;

function held(schema: GraphQLSchema, message: string): (name: string) => boolean {
  const field = FIELD.exec(message);
  if (field) {
    const type = schema.getType(field[1] ?? '');
    return (name) => (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) && name in type.getFields();
  }
  const argument = ARGUMENT.exec(message);
  if (argument) {
    const type = schema.getType(argument[1] ?? '');
    const args = isObjectType(type) ? type.getFields()[argument[2] ?? '']?.args ?? [] : [];
    return (name) => args.some((arg) => arg.name === name);
  }
  return (name) => schema.getType(name) !== undefined || Object.values(schema.getTypeMap()).some((type) => isEnumType(type) && type.getValue(name) !== undefined);
}

/** The message with its suggestions cut to those the contract holds, or cut off when none is. */
export function suggestionsWithin(schema: GraphQLSchema, message: string): string {
  const suggestion = SUGGESTION.exec(message);
  if (!suggestion) return message;
  const names = [...(suggestion[1] ?? '').matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? '');
  const isHeld = held(schema, message);
  return names.every(isHeld) ? message : message.slice(0, suggestion.index);
}
