import { cleanEnv, port } from 'envalid';
import { signingSecret, subgraphKeySpecs, subgraphKeysFrom } from '../../common/auth/signing-secret';
import { reportConfigErrors, storeLocationSpecs, storeUrlsFrom } from '../../common/config';
import { REGISTERS } from '../../common/store-url';
import type { SubgraphAddress } from '../../common/subgraph/descriptor';
import { registerCallSpecs, registerCallsFrom, type RegisterCallSettings } from '../../subgraph-calls/register-call-settings';

/** The dtsen subgraph as its own HTTP service (`subgraphs/main.ts dtsen`); the gateway reaches it at DTSEN_URL. */
export interface DtsenServiceConfig extends RegisterCallSettings {
  readonly port: number;
  /** The resolution index `households` and `statistics` read; holds credentials, never log it. */
  readonly indexUrl: string;
  /** PRINCIPAL_SIGNING_SECRET: the cursor key, and the subgraph keys not set on their own, derive from it. Never log it. */
  readonly signingSecret: string;
  /** `DTSEN_SIGNING_SECRET` (verifies the gateway) and the registers' `<NAME>_SIGNING_SECRET` (sign dtsen's calls to them), those set. */
  readonly subgraphKeys: Readonly<Record<string, string>>;
}

/**
 * `registry`: every subgraph's address (subgraphs/registry.ts), for dtsen's own default port and
 * the registers' default URLs; dtsen calls the registers alone.
 */
export function loadDtsenServiceConfig(registry: readonly SubgraphAddress[], env: NodeJS.ProcessEnv = process.env, today = new Date()): DtsenServiceConfig {
  const self = registry.find((subgraph) => subgraph.name === 'dtsen');
  if (!self) throw new Error('The registry lists no dtsen subgraph');
  const registers = registry.filter((subgraph) => (REGISTERS as readonly string[]).includes(subgraph.name));
  const keyed = ['dtsen', ...registers.map((subgraph) => subgraph.name)];
  const parsed = cleanEnv(
    env,
    {
      DTSEN_PORT: port({ default: self.defaultPort, desc: 'Port of the dtsen subgraph service' }),
      ...registerCallSpecs(registers),
      ...storeLocationSpecs(['index']),
      PRINCIPAL_SIGNING_SECRET: signingSecret({ desc: 'required: the secret the cursor key and the unset subgraph keys derive from' }),
      ...subgraphKeySpecs(keyed),
    },
    { reporter: reportConfigErrors },
  );
  return Object.freeze({
    port: parsed.DTSEN_PORT,
    ...registerCallsFrom(registers, parsed, today),
    indexUrl: storeUrlsFrom(['index'], parsed).index,
    signingSecret: parsed.PRINCIPAL_SIGNING_SECRET,
    subgraphKeys: subgraphKeysFrom(keyed, parsed),
  });
}
