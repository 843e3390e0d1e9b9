import { cleanEnv, num } from 'envalid';
import { signingSecret, subgraphKeySpecs, subgraphKeysFrom } from '../../common/auth/signing-secret';
import { signingKeyVariable } from '../../common/auth/subgraph-keys';
import { reportConfigErrors } from '../../common/config';
import { DEFAULT_CHANGE_CUTOFF_DAY, parseCutoffDay } from '../../common/period';
import { REGISTERS } from '../../common/store-url';
import type { SubgraphAddress } from '../../common/subgraph/descriptor';
import { registerCallSpecs, registerCallsFrom } from '../../subgraph-calls/register-call-settings';

/** What the changes subgraph reads beyond its port, store and key (common/subgraph/stored-subgraph-config.ts). */
export interface ChangesConfig {
  /** `CHANGE_CUTOFF_DAY`: a request submitted after this day of the month (WIB) belongs to the next month's period. */
  readonly cutoffDay: number;
  /** `<REGISTER>_URL`: where it asks the registers for a family's region. */
  readonly registerUrls: Readonly<Record<string, string>>;
  /** One attempt of one register call, ms (`SUBGRAPH_TIMEOUT_MS`). */
  readonly registerTimeoutMs: number;
  /** PRINCIPAL_SIGNING_SECRET, null when every register's key is set: the registers' keys not set on their own derive from it. Never log it. */
  readonly principalSecret: string | null;
  /** The registers' `<NAME>_SIGNING_SECRET` that are set: its calls to them are signed with these. Never log them. */
  readonly registerKeys: Readonly<Record<string, string>>;
}

/**
 * `CHANGE_CUTOFF_DAY` (default 17, 1-28), the registers' URLs and timeout, and the keys its calls to
 * them are signed with: it asks them for the region of the family a proposal names, with the
 * proposer's principal, as the gateway would. Throws naming every bad variable.
 */
export function loadChangesConfig(registry: readonly SubgraphAddress[], env: NodeJS.ProcessEnv): ChangesConfig {
  const registers = registry.filter((subgraph) => (REGISTERS as readonly string[]).includes(subgraph.name));
  const names = registers.map((subgraph) => subgraph.name);
  const parsed = cleanEnv(
    env,
    {
      CHANGE_CUTOFF_DAY: num({ default: DEFAULT_CHANGE_CUTOFF_DAY, desc: 'Day of the month (1-28, WIB) after which a submitted request belongs to the next period' }),
      ...registerCallSpecs(registers),
      // Required unless every register's own key is set: a deployment gives the pod those keys alone.
      PRINCIPAL_SIGNING_SECRET: names.every((name) => env[signingKeyVariable(name)] !== undefined)
        ? signingSecret({ default: undefined })
        : signingSecret({ desc: 'required: the registers\' keys not set on their own (<REGISTER>_SIGNING_SECRET) derive from it' }),
      ...subgraphKeySpecs(names),
    },
    { reporter: reportConfigErrors },
  );
  const calls = registerCallsFrom(registers, parsed, new Date());
  return Object.freeze({
    cutoffDay: parseCutoffDay(parsed.CHANGE_CUTOFF_DAY, 'CHANGE_CUTOFF_DAY'),
    registerUrls: calls.subgraphUrls,
    registerTimeoutMs: calls.subgraphTimeoutMs,
    principalSecret: parsed.PRINCIPAL_SIGNING_SECRET ?? null,
    registerKeys: subgraphKeysFrom(names, parsed),
  });
}
