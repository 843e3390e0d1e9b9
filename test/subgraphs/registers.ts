// The registers side by side, so that behaviour they share is tested once for all.
import type { DataSource } from 'typeorm';
import type { Register } from '../../common/store-url';
import type { SubgraphApp } from '../../common/subgraph/create-subgraph-app';
import type { FamilyRepository } from '../../common/store/family-repository';
import type { StoreOptions } from '../../common/store/open-store';
import { createDtksRepository, type DtksRepository } from '../../subgraphs/dtks/repository';
import { createKemendesRepository, type KemendesRepository } from '../../subgraphs/kemendes/repository';
import { createP3keRepository, type P3keRepository } from '../../subgraphs/p3ke/repository';
import { createRegsosekRepository, type RegsosekRepository } from '../../subgraphs/regsosek/repository';
import { TEST_SIGNING_SECRET } from '../support/principals';
import { dtksFamily, kemendesFamily, p3keFamily, regsosekFamily } from './fixtures';
import type { Logger } from '../../common/logging/logger';
import { buildAppOf, openStoreOf } from '../support/subgraph-stores';

export interface MemberLike {
  readonly nik: string;
  readonly noKK: string;
}

export interface FamilyLike {
  readonly noKK: string;
  readonly regionCode: string;
  readonly members: readonly MemberLike[];
}

export type AnyFamilyRepository = FamilyRepository<FamilyLike, MemberLike, Record<string, unknown>>;

export interface RegisterCase {
  readonly register: Register;
  /** The prefix of the register's GraphQL type names: Dtks, Regsosek, P3ke. */
  readonly typePrefix: string;
  readonly openStore: (url: string, options?: StoreOptions) => Promise<DataSource>;
  readonly createRepository: (dataSource: DataSource) => AnyFamilyRepository;
  /** The register's subgraph app over a repository of its store, accepting the tests' signatures. */
  readonly buildApp: (repository: AnyFamilyRepository, logger?: Logger) => Promise<SubgraphApp>;
  /** A whole family record of this register with members of these NIKs. */
  readonly family: (noKK: string, regionCode: string, niks: readonly string[]) => FamilyLike;
  /** Detail tables besides family and members (receipts, interventions): one IN query each. */
  readonly detailTables: number;
  /** Every field of the register's family type, members included (but not `person`). */
  readonly familySelection: string;
  /** Every field of the register's member type (but not `person`). */
  readonly memberSelection: string;
}

const DTKS_MEMBER = 'nik noKK name sex birthDate relationship';
const REGSOSEK_MEMBER = `nik noKK name sex birthDate relationship presence schoolParticipation schoolLevel
  workedLastWeek employmentStatus chronicDisease healthInsurance pregnant
  difficulty { vision hearing walking hands learning behaviour communication selfCare }`;
const P3KE_MEMBER = 'nik noKK name sex birthDate relationship inSchool working';
const KEMENDES_RECIPIENT = 'nik noKK name sex birthDate relationship';

export const REGISTER_CASES: readonly RegisterCase[] = [
  {
    register: 'dtks',
    typePrefix: 'Dtks',
    openStore: openStoreOf('dtks'),
    createRepository: createDtksRepository,
    buildApp: (repository, logger) => buildAppOf('dtks')({ repository: repository as unknown as DtksRepository, signingSecret: TEST_SIGNING_SECRET, logger }),
    family: dtksFamily,
    detailTables: 1,
    familySelection: `dtksId noKK regionCode address rt rw verificationStatus verifiedAt active welfarePercentile
      receipts { program since status pkhComponents } members { ${DTKS_MEMBER} }`,
    memberSelection: DTKS_MEMBER,
  },
  {
    register: 'regsosek',
    typePrefix: 'Regsosek',
    openStore: openStoreOf('regsosek'),
    createRepository: createRegsosekRepository,
    buildApp: (repository, logger) => buildAppOf('regsosek')({ repository: repository as unknown as RegsosekRepository, signingSecret: TEST_SIGNING_SECRET, logger }),
    family: regsosekFamily,
    detailTables: 0,
    familySelection: `noKK regionCode address rt rw familyStatus
      housing { tenure floorArea floor wall roof drinkingWater lighting installedPower cookingFuel toilet faecesDisposal }
      assets { gasCylinder fridge airConditioner waterHeater landline television gold computer motorcycle bicycle car
        boat motorBoat smartphone bankAccount land landArea houseElsewhere cattle buffalo horse pig goat }
      ranking { desil percentile version rankedAt }
      members { ${REGSOSEK_MEMBER} }`,
    memberSelection: REGSOSEK_MEMBER,
  },
  {
    register: 'p3ke',
    typePrefix: 'P3ke',
    openStore: openStoreOf('p3ke'),
    createRepository: createP3keRepository,
    buildApp: (repository, logger) => buildAppOf('p3ke')({ repository: repository as unknown as P3keRepository, signingSecret: TEST_SIGNING_SECRET, logger }),
    family: p3keFamily,
    detailTables: 1,
    familySelection: `noKK regionCode address rt rw desil extremePoor liveableHouse cleanWater sanitation
      interventions { program year } members { ${P3KE_MEMBER} }`,
    memberSelection: P3KE_MEMBER,
  },
  {
    register: 'kemendes',
    typePrefix: 'Kemendes',
    openStore: openStoreOf('kemendes'),
    createRepository: createKemendesRepository,
    buildApp: (repository, logger) => buildAppOf('kemendes')({ repository: repository as unknown as KemendesRepository, signingSecret: TEST_SIGNING_SECRET, logger }),
    family: kemendesFamily,
    detailTables: 0,
    familySelection: `noKK regionCode address rt rw since status monthlyAmount members { ${KEMENDES_RECIPIENT} }`,
    memberSelection: KEMENDES_RECIPIENT,
  },
];
