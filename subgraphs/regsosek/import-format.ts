import type {
  RegsosekAssetsRecord,
  RegsosekDifficultyRecord,
  RegsosekFamilyRecord,
  RegsosekHousingRecord,
  RegsosekMemberRecord,
  SchoolLevel,
} from './records';
import { choice, type Codec, date, FieldProblem, flag, integer, noKK, optional, text } from '../../common/import/codecs';
import { column, type Column, type ImportFormat, type Values } from '../../common/import/format';
import { identityColumns, identityOf, residenceColumns, residenceOf } from '../../common/import/shared-columns';

// Codes of REGSOSEK2022.K, as subgraphs/regsosek/schema.graphql documents them.

const HOUSING: { readonly [Field in keyof RegsosekHousingRecord]: readonly [string, Codec<RegsosekHousingRecord[Field]>] } = {
  tenure: ['tenure', integer(1, 6)],
  floorArea: ['floor_area', integer(0, 100_000)],
  floor: ['floor', integer(1, 9)],
  wall: ['wall', integer(1, 7)],
  roof: ['roof', integer(1, 8)],
  drinkingWater: ['drinking_water', integer(1, 13)],
  lighting: ['lighting', integer(1, 4)],
  installedPower: ['installed_power', optional(integer(1, 5))],
  cookingFuel: ['cooking_fuel', integer(1, 12)],
  toilet: ['toilet', integer(1, 6)],
  faecesDisposal: ['faeces_disposal', integer(1, 6)],
};

const count = integer(0, 1_000_000);
const ASSETS: { readonly [Field in keyof RegsosekAssetsRecord]: readonly [string, Codec<RegsosekAssetsRecord[Field]>] } = {
  gasCylinder: ['gas_cylinder', flag],
  fridge: ['fridge', flag],
  airConditioner: ['air_conditioner', flag],
  waterHeater: ['water_heater', flag],
  landline: ['landline', flag],
  television: ['television', flag],
  gold: ['gold', flag],
  computer: ['computer', flag],
  motorcycle: ['motorcycle', flag],
  bicycle: ['bicycle', flag],
  car: ['car', flag],
  boat: ['boat', flag],
  motorBoat: ['motor_boat', flag],
  smartphone: ['smartphone', flag],
  bankAccount: ['bank_account', flag],
  land: ['land', flag],
  landArea: ['land_area', integer(0, 2_000_000_000)],
  houseElsewhere: ['house_elsewhere', flag],
  cattle: ['cattle', count],
  buffalo: ['buffalo', count],
  horse: ['horse', count],
  pig: ['pig', count],
  goat: ['goat', count],
};

const difficultyCode = integer(1, 4);
const DIFFICULTY: { readonly [Field in keyof RegsosekDifficultyRecord]: readonly [string, Codec<number>] } = {
  vision: ['difficulty_vision', difficultyCode],
  hearing: ['difficulty_hearing', difficultyCode],
  walking: ['difficulty_walking', difficultyCode],
  hands: ['difficulty_hands', difficultyCode],
  learning: ['difficulty_learning', difficultyCode],
  behaviour: ['difficulty_behaviour', difficultyCode],
  communication: ['difficulty_communication', difficultyCode],
  selfCare: ['difficulty_self_care', difficultyCode],
};

type Spec<Record> = { readonly [Field in keyof Record]: readonly [string, Codec<Record[Field]>] };

function nestedColumns<Of, Record>(spec: Spec<Record>, part: (record: Of) => Record): Column<Of>[] {
  return (Object.keys(spec) as (keyof Record)[]).map((field) => {
    const [name, codec] = spec[field];
    return column(name, codec, (record: Of) => part(record)[field]);
  });
}

function nestedValues<Record>(spec: Spec<Record>, values: Values): Record {
  return Object.fromEntries((Object.keys(spec) as (keyof Record)[]).map((field) => [field, values[spec[field][0]]])) as Record;
}

const RANKING_COLUMNS = ['desil', 'percentile', 'ranking_version', 'ranked_at'] as const;

export const REGSOSEK_FORMAT: ImportFormat<RegsosekFamilyRecord, RegsosekMemberRecord> = {
  familyColumns: [
    column('no_kk', noKK, (family: RegsosekFamilyRecord) => family.noKK),
    ...residenceColumns(),
    column('family_status', integer(0, 2), (family) => family.familyStatus),
    ...nestedColumns(HOUSING, (family: RegsosekFamilyRecord) => family.housing),
    ...nestedColumns(ASSETS, (family: RegsosekFamilyRecord) => family.assets),
    column('desil', optional(integer(1, 10)), (family: RegsosekFamilyRecord) => family.ranking?.desil ?? null),
    column('percentile', optional(integer(1, 100)), (family) => family.ranking?.percentile ?? null),
    column('ranking_version', optional(text(16)), (family) => family.ranking?.version ?? null),
    column('ranked_at', optional(date), (family) => family.ranking?.rankedAt ?? null),
  ],
  memberColumns: [
    ...identityColumns<RegsosekMemberRecord>(),
    column('presence', integer(1, 6), (member) => member.presence),
    column('school_participation', integer(1, 3), (member) => member.schoolParticipation),
    column('school_level', optional(choice<SchoolLevel>(['SD', 'SMP', 'SMA', 'HIGHER'])), (member) => member.schoolLevel),
    column('worked_last_week', flag, (member) => member.workedLastWeek),
    column('employment_status', optional(integer(1, 8)), (member) => member.employmentStatus),
    ...nestedColumns(DIFFICULTY, (member: RegsosekMemberRecord) => member.difficulty),
    column('chronic_disease', flag, (member: RegsosekMemberRecord) => member.chronicDisease),
    column('health_insurance', integer(0, 15), (member) => member.healthInsurance),
    column('pregnant', flag, (member) => member.pregnant),
  ],
  members: (family) => family.members,
  build(family, members) {
    const no = family['no_kk'] as string;
    const ranking = RANKING_COLUMNS.map((name) => family[name]);
    const ranked = ranking.filter((value) => value !== null).length;
    if (ranked !== 0 && ranked !== RANKING_COLUMNS.length) {
      throw new FieldProblem(`${RANKING_COLUMNS.join(', ')} must be all given or all empty`);
    }
    return {
      noKK: no,
      ...residenceOf(family),
      familyStatus: family['family_status'] as number,
      housing: nestedValues(HOUSING, family),
      assets: nestedValues(ASSETS, family),
      ranking:
        ranked === 0
          ? null
          : { desil: family['desil'] as number, percentile: family['percentile'] as number, version: family['ranking_version'] as string, rankedAt: family['ranked_at'] as string },
      members: members.map((member) => ({
        ...identityOf(member, no),
        presence: member['presence'] as number,
        schoolParticipation: member['school_participation'] as number,
        schoolLevel: member['school_level'] as SchoolLevel | null,
        workedLastWeek: member['worked_last_week'] as boolean,
        employmentStatus: member['employment_status'] as number | null,
        difficulty: nestedValues(DIFFICULTY, member),
        chronicDisease: member['chronic_disease'] as boolean,
        healthInsurance: member['health_insurance'] as number,
        pregnant: member['pregnant'] as boolean,
      })),
    };
  },
};
