import type { P3keFamilyRecord, P3keInterventionRecord, P3keMemberRecord } from './records';
import { FieldProblem, flag, integer, list, noKK } from '../../common/import/codecs';
import { column, type ImportFormat } from '../../common/import/format';
import { identityColumns, identityOf, residenceColumns, residenceOf } from '../../common/import/shared-columns';

const PROGRAM_NAME = /^[A-Z][A-Z0-9_]{0,31}$/;
const FIRST_YEAR = 1945;

/** `PROGRAM:YEAR` items separated by `;`. */
const interventions = list<P3keInterventionRecord>(2, {
  parse([name, year], context) {
    if (!PROGRAM_NAME.test(name ?? '')) throw new FieldProblem(`programme "${name}" must be 1-32 capitals, digits or _`);
    return { program: name ?? '', year: integer(FIRST_YEAR, context.today.getUTCFullYear()).parse(year ?? '', context) };
  },
  format: (intervention) => [intervention.program, String(intervention.year)],
});

export const P3KE_FORMAT: ImportFormat<P3keFamilyRecord, P3keMemberRecord> = {
  familyColumns: [
    column('no_kk', noKK, (family: P3keFamilyRecord) => family.noKK),
    ...residenceColumns(),
    column('desil', integer(1, 4), (family) => family.desil),
    column('extreme_poor', flag, (family) => family.extremePoor),
    column('liveable_house', flag, (family) => family.liveableHouse),
    column('clean_water', flag, (family) => family.cleanWater),
    column('sanitation', flag, (family) => family.sanitation),
    column('interventions', interventions, (family) => [...family.interventions]),
  ],
  memberColumns: [
    ...identityColumns<P3keMemberRecord>(),
    column('in_school', flag, (member) => member.inSchool),
    column('working', flag, (member) => member.working),
  ],
  members: (family) => family.members,
  build(family, members) {
    const no = family['no_kk'] as string;
    return {
      noKK: no,
      ...residenceOf(family),
      desil: family['desil'] as number,
      extremePoor: family['extreme_poor'] as boolean,
      liveableHouse: family['liveable_house'] as boolean,
      cleanWater: family['clean_water'] as boolean,
      sanitation: family['sanitation'] as boolean,
      interventions: family['interventions'] as P3keInterventionRecord[],
      members: members.map((member) => ({
        ...identityOf(member, no),
        inSchool: member['in_school'] as boolean,
        working: member['working'] as boolean,
      })),
    };
  },
};
