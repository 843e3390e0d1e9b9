import { makeValidator } from 'envalid';
import { MIN_SECRET_LENGTH } from './signature';
import { signingKeyVariable } from './subgraph-keys';

/** `PRINCIPAL_SIGNING_SECRET`: the HMAC key gateway and subgraphs share; required, never defaulted. */
export const signingSecret = makeValidator((input: string) => {
  if (input.length < MIN_SECRET_LENGTH) throw new Error(`must be at least ${MIN_SECRET_LENGTH} characters`);
  return input;
});

const optionalKey = (name: string) => signingSecret({ default: undefined, desc: `The ${name} subgraph's own signing key (default: derived from PRINCIPAL_SIGNING_SECRET)` });

/** The envalid specs of `<NAME>_SIGNING_SECRET` for each of `subgraphs`: optional, at least as long as any secret. */
export function subgraphKeySpecs(subgraphs: readonly string[]) {
  return Object.fromEntries(
    subgraphs.map((name) => [signingKeyVariable(name), optionalKey(name)]),
  ) as Record<string, ReturnType<typeof optionalKey>>;
}

/** The keys set among `subgraphs`, by subgraph name. */
export function subgraphKeysFrom(subgraphs: readonly string[], parsed: object): Readonly<Record<string, string>> {
  const values = parsed as Readonly<Record<string, string | undefined>>;
  return Object.freeze(
    Object.fromEntries(subgraphs.flatMap((name) => {
      const key = values[signingKeyVariable(name)];
      return key === undefined ? [] : [[name, key]];
    })),
  );
}
