// Injects the data-quality defects exactly as the shared definitions (docs/data.md) detect them,
// and records what was injected. A family carries at most one defect, so that each injection
// produces exactly the issues its truth lines announce and nothing else.
import type { DtksFamilyRecord } from '../../subgraphs/dtks/subgraph';
import type { P3keFamilyRecord } from '../../subgraphs/p3ke/subgraph';
import type { RegsosekFamilyRecord } from '../../subgraphs/regsosek/subgraph';
import { DEFECT_RATES, type DefectCode } from './defect-rates';
import { isLiving, PRESENCE, RELATIONSHIP, type Person } from './household';
import { invalidNik, type InvalidNikKind } from './identity';
import type { Random } from './random';
import { KEPULAUAN_SERIBU } from './regions';
import { type CleanFamily, drawAddress, toDtksMember, toP3keMember, toRegsosekMember } from './registers';
import type { TruthDefect } from './types';
import { legacyPercentileInDesil } from './welfare';

export interface FamilyRecords {
  readonly regsosek: RegsosekFamilyRecord | null;
  readonly dtks: DtksFamilyRecord | null;
  readonly p3ke: P3keFamilyRecord | null;
}

/** A defect announced for one household (No. KK). */
export interface HouseholdDefect {
  readonly noKK: string;
  readonly defect: TruthDefect;
}

export interface FamilyOutcome {
  readonly records: FamilyRecords;
  readonly defects: readonly HouseholdDefect[];
}

/** The registers whose records defects are injected into (BPJS is drawn after them, seed/generator/bpjs.ts). */
type Register = keyof FamilyRecords;

type AnyFamilyRecord = RegsosekFamilyRecord | DtksFamilyRecord | P3keFamilyRecord;

/** The registers whose records carry the data-quality defects. */
type DrawnRegister = keyof FamilyRecords;

function holders(records: FamilyRecords): DrawnRegister[] {
  return (['regsosek', 'dtks', 'p3ke'] as const).filter((register) => records[register] !== null);
}

function clean(family: CleanFamily): FamilyOutcome {
  return { records: { regsosek: family.regsosek, dtks: family.dtks, p3ke: family.p3ke }, defects: [] };
}

function replaceRecord(records: FamilyRecords, register: DrawnRegister, record: AnyFamilyRecord): FamilyRecords {
  return { ...records, [register]: record };
}

// DUPLICATE_NIK: a member of the source family is also listed in the target family, in every
// register that lists them in the source. Every register holding the source holds the target, so
// all registers that list the NIK list it under both KKs: a duplicate, and no KK mismatch.

export interface DuplicatePlan {
  readonly source: number;
  readonly target: number;
  readonly person: Person;
  readonly relationship: number;
}

function isSubset(small: readonly DrawnRegister[], large: readonly DrawnRegister[]): boolean {
  return small.every((register) => large.includes(register));
}

/**
 * Whether families 2k and 2k+1 share a duplicated member, and which way. `partners` is only called
 * when the pair is drawn, so that most pairs never need the other family.
 */
export function planDuplicate(random: Random, partners: () => readonly [CleanFamily, CleanFamily]): DuplicatePlan | null {
  if (!random.chance(DEFECT_RATES.DUPLICATE_NIK)) return null;
  const [first, second] = partners();
  const firstHolders = holders(clean(first).records);
  const secondHolders = holders(clean(second).records);
  const [source, target] = isSubset(firstHolders, secondHolders) ? [first, second] : isSubset(secondHolders, firstHolders) ? [second, first] : [null, null];
  if (!source || !target) return null;
  // Presence 1: listed by every register that holds the family.
  const present = source.people.filter((person) => person.presence === PRESENCE.living);
  const adults = present.filter((person) => person.relationship !== RELATIONSHIP.head && person.age >= 15);
  const person = random.pick(adults.length > 0 ? adults : present);
  return { source: source.index, target: target.index, person, relationship: random.chance(0.6) ? RELATIONSHIP.other : RELATIONSHIP.childInLaw };
}

export function applyDuplicate(plan: DuplicatePlan, family: CleanFamily, source: CleanFamily): FamilyOutcome {
  const outcome = clean(family);
  const announced: HouseholdDefect[] = [{ noKK: family.noKK, defect: { code: 'DUPLICATE_NIK', nik: plan.person.nik } }];
  if (family.index !== plan.target) return { ...outcome, defects: announced };
  const listed = { ...plan.person, relationship: plan.relationship };
  const { regsosek, dtks, p3ke } = outcome.records;
  const records: FamilyRecords = {
    regsosek:
      regsosek && source.regsosek
        ? { ...regsosek, members: [...regsosek.members, toRegsosekMember({ ...listed, presence: PRESENCE.newMember }, family.noKK)] }
        : regsosek,
    dtks: dtks && source.dtks ? { ...dtks, members: [...dtks.members, toDtksMember(listed, family.noKK)] } : dtks,
    p3ke: p3ke && source.p3ke ? { ...p3ke, members: [...p3ke.members, toP3keMember(listed, family.noKK)] } : p3ke,
  };
  return { records, defects: announced };
}

// The single-family defects: each with when it can apply and how it is injected.

interface SingleDefect {
  readonly code: Exclude<DefectCode, 'DUPLICATE_NIK'>;
  applies(family: CleanFamily): boolean;
  inject(random: Random, family: CleanFamily): FamilyOutcome;
}

const heldBySourceOtherThanRegsosek = (family: CleanFamily): boolean => family.dtks !== null || family.p3ke !== null;
const otherSources = (family: CleanFamily): ('dtks' | 'p3ke')[] => (['dtks', 'p3ke'] as const).filter((register) => family[register] !== null);

const invalidNikDefect: SingleDefect = {
  code: 'INVALID_NIK',
  applies: () => true,
  inject(random, family) {
    const outcome = clean(family);
    const registers = holders(outcome.records);
    const register = random.choose(registers, registers.map((holder) => ({ dtks: 5, p3ke: 2, regsosek: 3 })[holder]));
    const record = outcome.records[register] as AnyFamilyRecord;
    const victim = random.pick(record.members).nik;
    const kind = random.choose<InvalidNikKind>(['IMPOSSIBLE_MONTH', 'UNKNOWN_PROVINCE'], [0.6, 0.4]);
    const nik = invalidNik(victim, kind);
    const members = record.members.map((member) => (member.nik === victim ? { ...member, nik } : member));
    return {
      records: replaceRecord(outcome.records, register, { ...record, members } as AnyFamilyRecord),
      defects: [{ noKK: family.noKK, defect: { code: 'INVALID_NIK', nik } }],
    };
  },
};

/** The same record and members, under another KK. */
function underKK<R extends AnyFamilyRecord>(record: R, noKK: string): R {
  return { ...record, noKK, members: record.members.map((member) => ({ ...member, noKK })) };
}

const kkMismatchDefect: SingleDefect = {
  code: 'KK_MISMATCH',
  applies: heldBySourceOtherThanRegsosek,
  inject(random, family) {
    const outcome = clean(family);
    const sources = otherSources(family);
    const register = random.choose(sources, sources.map((source) => (source === 'dtks' ? 0.6 : 0.4)));
    const record = outcome.records[register] as DtksFamilyRecord | P3keFamilyRecord;
    const newKK = family.reissuedKK;
    const moved = underKK(record, newKK);
    // Only NIKs another register still lists under the old KK are mismatches.
    const listedElsewhere = new Set(
      holders(outcome.records)
        .filter((holder) => holder !== register)
        .flatMap((holder) => (outcome.records[holder] as AnyFamilyRecord).members.map((member) => member.nik)),
    );
    const niks = moved.members.map((member) => member.nik).filter((nik) => listedElsewhere.has(nik));
    return {
      records: replaceRecord(outcome.records, register, moved),
      defects: [
        ...niks.map((nik) => ({ noKK: family.noKK, defect: { code: 'KK_MISMATCH', nik } as const })),
        ...niks.map((nik) => ({ noKK: newKK, defect: { code: 'KK_MISMATCH', nik } as const })),
        { noKK: newKK, defect: { code: 'MISSING_FROM_REGSOSEK' } },
      ],
    };
  },
};

const desilConflictDefect: SingleDefect = {
  code: 'DESIL_CONFLICT',
  applies: (family) => family.regsosek.ranking !== null && heldBySourceOtherThanRegsosek(family),
  inject(random, family) {
    const outcome = clean(family);
    const ranked = family.regsosek.ranking?.desil ?? family.trueDesil;
    const desil = random.pick([1, 2, 3, 4].filter((candidate) => Math.abs(candidate - ranked) >= 2));
    const register = random.pick(otherSources(family));
    const records =
      register === 'dtks' && family.dtks
        ? replaceRecord(outcome.records, 'dtks', { ...family.dtks, welfarePercentile: legacyPercentileInDesil(random, desil) })
        : family.p3ke
          ? replaceRecord(outcome.records, 'p3ke', { ...family.p3ke, desil, extremePoor: desil === 1 })
          : outcome.records;
    return { records, defects: [{ noKK: family.noKK, defect: { code: 'DESIL_CONFLICT' } }] };
  },
};

function deceasedCandidate(family: CleanFamily): Person | null {
  const listedInDtks = new Set(family.dtks?.members.map((member) => member.nik) ?? []);
  const candidates = family.people.filter((person) => isLiving(person) && listedInDtks.has(person.nik));
  const others = candidates.filter((person) => person.relationship !== RELATIONSHIP.head);
  const pool = others.length > 0 ? others : candidates;
  return pool.reduce<Person | null>((oldest, person) => (oldest === null || person.age > oldest.age ? person : oldest), null);
}

const deceasedReceivingDefect: SingleDefect = {
  code: 'DECEASED_RECEIVING',
  applies: (family) =>
    (family.dtks?.receipts.some((receipt) => receipt.status === 'ACTIVE') ?? false) && deceasedCandidate(family) !== null,
  inject(_random, family) {
    const outcome = clean(family);
    const deceased = deceasedCandidate(family) as Person;
    const members = family.regsosek.members.map((member) =>
      member.nik === deceased.nik ? { ...member, presence: PRESENCE.died, workedLastWeek: false, employmentStatus: null, pregnant: false } : member,
    );
    return {
      records: replaceRecord(outcome.records, 'regsosek', { ...family.regsosek, members }),
      defects: [{ noKK: family.noKK, defect: { code: 'DECEASED_RECEIVING', nik: deceased.nik } }],
    };
  },
};

const missingFromRegsosekDefect: SingleDefect = {
  code: 'MISSING_FROM_REGSOSEK',
  applies: heldBySourceOtherThanRegsosek,
  inject(_random, family) {
    const outcome = clean(family);
    return {
      records: { ...outcome.records, regsosek: null },
      defects: [{ noKK: family.noKK, defect: { code: 'MISSING_FROM_REGSOSEK' } }],
    };
  },
};

const regionMismatchDefect: SingleDefect = {
  code: 'REGION_MISMATCH',
  applies: heldBySourceOtherThanRegsosek,
  inject(random, family) {
    const outcome = clean(family);
    const register = random.pick(otherSources(family));
    const record = outcome.records[register] as DtksFamilyRecord | P3keFamilyRecord;
    // The register still has the family at an earlier address.
    const regionCode = family.region.pickOtherVillage(random, record.regionCode);
    const address = drawAddress(random, regionCode.startsWith(KEPULAUAN_SERIBU));
    return {
      records: replaceRecord(outcome.records, register, { ...record, regionCode, address }),
      defects: [{ noKK: family.noKK, defect: { code: 'REGION_MISMATCH' } }],
    };
  },
};

const SINGLE_DEFECTS: readonly SingleDefect[] = [
  invalidNikDefect,
  kkMismatchDefect,
  desilConflictDefect,
  deceasedReceivingDefect,
  missingFromRegsosekDefect,
  regionMismatchDefect,
];

/** At most one defect: each applicable one with its rate (one draw split into bands). */
export function injectSingleDefect(random: Random, family: CleanFamily): FamilyOutcome {
  const draw = random.float();
  let bound = 0;
  for (const defect of SINGLE_DEFECTS) {
    if (!defect.applies(family)) continue;
    bound += DEFECT_RATES[defect.code];
    if (draw < bound) return defect.inject(random, family);
  }
  return clean(family);
}
