import { choice, FieldProblem, flag, integer, noKK, type Codec } from '../../common/import/codecs';
import { column, type ImportFormat, type Values } from '../../common/import/format';
import { identityColumns, identityOf, residenceColumns, residenceOf } from '../../common/import/shared-columns';
import { BPJS_SEGMENTS, BPJS_STATUSES, type BpjsEnrolmentRecord, type BpjsFamilyRecord } from './records';

/** JKN began in January 2014; its forerunners' members were carried over then. */
const FIRST_MONTH = '2014-01';

/** YYYY-MM from JKN's start up to this month. */
const month: Codec<string> = {
  parse(value, context) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new FieldProblem(`must be a month as YYYY-MM, got "${value}"`);
    if (value < FIRST_MONTH) throw new FieldProblem(`is before JKN began (${FIRST_MONTH}): ${value}`);
    if (value > context.today.toISOString().slice(0, 7)) throw new FieldProblem(`is in the future: ${value}`);
    return value;
  },
  format: (value) => value,
};

const PBI_CLASS = 3;

/** The enrolment of one parsed row; BPJS's own invariants are checked, as BPJS keeps them. */
function enrolmentOf(member: Values, no: string): BpjsEnrolmentRecord {
  const enrolment: BpjsEnrolmentRecord = {
    ...identityOf(member, no),
    enrolled: member['enrolled'] as boolean,
    class: member['class'] as number,
    since: member['since'] as string,
    status: member['status'] as BpjsEnrolmentRecord['status'],
    segment: member['segment'] as BpjsEnrolmentRecord['segment'],
  };
  if (enrolment.enrolled !== (enrolment.status !== 'ENDED')) {
    throw new FieldProblem(`enrolled is ${enrolment.enrolled ? 1 : 0} but status is ${enrolment.status} (enrolled means ACTIVE or SUSPENDED)`);
  }
  if (enrolment.segment.startsWith('PBI_') && enrolment.class !== PBI_CLASS) {
    throw new FieldProblem(`segment ${enrolment.segment} is class ${PBI_CLASS}, got class ${enrolment.class}`);
  }
  return enrolment;
}

/** One row per enrolment, the family's No. KK and address repeated on each (docs/import.md). */
export const BPJS_FORMAT: ImportFormat<BpjsFamilyRecord, BpjsEnrolmentRecord> = {
  familyColumns: [column('no_kk', noKK, (family: BpjsFamilyRecord) => family.noKK), ...residenceColumns()],
  memberColumns: [
    ...identityColumns<BpjsEnrolmentRecord>(),
    column('enrolled', flag, (member) => member.enrolled),
    column('class', integer(1, 3), (member) => member.class),
    column('since', month, (member) => member.since),
    column('status', choice(BPJS_STATUSES), (member) => member.status),
    column('segment', choice(BPJS_SEGMENTS), (member) => member.segment),
  ],
  members: (family) => family.members,
  build(family, members) {
    const no = family['no_kk'] as string;
    return { noKK: no, ...residenceOf(family), members: members.map((member) => enrolmentOf(member, no)) };
  },
};
