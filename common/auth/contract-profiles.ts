import { PROGRAMMES, type Programme } from '../programmes';
import type { Principal, Role } from './principal';

// The consumer profiles: each names the `@tag`s of the subgraph SDLs that make its contract
// (docs/partners.md). A contract is the API schema filtered by them: `include` keeps only what carries
// one of its tags (an allow-list: a new field stays hidden from partners until tagged), `exclude`
// drops what carries one of its tags.

export interface ContractFilter {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export const PARTNER_PROFILES = {
  PKH: 'partner-pkh',
  BPNT: 'partner-bpnt',
  PBI_JK: 'partner-pbi-jk',
  PIP: 'partner-pip',
  BLT_DD: 'partner-blt-dd',
} as const satisfies Readonly<Record<Programme, string>>;

export const PROFILES = ['public', 'analyst', 'auditor', ...PROGRAMMES.map((programme) => PARTNER_PROFILES[programme])] as const;
export type Profile = (typeof PROFILES)[number];

/** A partner programme's contract: the fields every partner reads (`partner`) and its programme's own. */
function partnerFilter(profile: string): ContractFilter {
  return { include: ['partner', profile], exclude: [] };
}

export const PROFILE_FILTERS: Readonly<Record<Profile, ContractFilter>> = Object.freeze({
  public: { include: [], exclude: ['analyst', 'auditor'] },
  analyst: { include: [], exclude: ['auditor'] },
  auditor: { include: [], exclude: ['analyst'] },
  'partner-pkh': partnerFilter('partner-pkh'),
  'partner-bpnt': partnerFilter('partner-bpnt'),
  'partner-pbi-jk': partnerFilter('partner-pbi-jk'),
  'partner-pip': partnerFilter('partner-pip'),
  'partner-blt-dd': partnerFilter('partner-blt-dd'),
});

/** The profile of each role but partner, whose profiles are its programmes'. */
const ROLE_PROFILES: Readonly<Record<Exclude<Role, 'partner'>, Profile>> = Object.freeze({
  frontend: 'public',
  analyst: 'analyst',
  // Its pii and sensitive scopes unmask values; the fields it may select are the analyst's.
  caseworker: 'analyst',
  auditor: 'auditor',
  // The resolution run reads the households listing and the look-ups.
  indexer: 'analyst',
  // Reads the families of its regions and the change requests, like a caseworker.
  verifier: 'analyst',
});

/**
 * The profiles whose contracts together bound what a principal may select: one per role, and for
 * the partner role one per programme its token names. Several roles get the union of their contracts.
 */
export function profilesOf(principal: Pick<Principal, 'roles' | 'programmes'>): Profile[] {
  const profiles = new Set<Profile>();
  for (const role of principal.roles) {
    if (role !== 'partner') profiles.add(ROLE_PROFILES[role]);
    else for (const programme of principal.programmes ?? []) profiles.add(PARTNER_PROFILES[programme]);
  }
  return PROFILES.filter((profile) => profiles.has(profile));
}
