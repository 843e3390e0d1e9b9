import type { KemendesFamilyRecord, KemendesRecipientRecord } from './records';
import { BLT_DD_STATUSES } from './records';
import { choice, FieldProblem, integer, noKK, type Codec } from '../../common/import/codecs';
import { column, type ImportFormat } from '../../common/import/format';
import { identityColumns, identityOf, residenceColumns, residenceOf } from '../../common/import/shared-columns';

/** BLT Dana Desa started in April 2020 (PMK 40/2020). */
const FIRST_MONTH = '2020-04';
/** Well above any monthly BLT-DD amount paid so far (300,000 since 2022). */
const MAX_MONTHLY_AMOUNT = 10_000_000;

/** YYYY-MM, a real month from BLT Dana Desa's start up to this month. */
const month: Codec<string> = {
  parse(value, context) {
    const match = /^(\d{4})-(\d{2})$/.exec(value);
    const monthNumber = Number(match?.[2]);
    if (!match || monthNumber < 1 || monthNumber > 12) throw new FieldProblem(`must be a month as YYYY-MM, got "${value}"`);
    if (value < FIRST_MONTH) throw new FieldProblem(`is before BLT Dana Desa began (${FIRST_MONTH}): ${value}`);
    if (value > context.today.toISOString().slice(0, 7)) throw new FieldProblem(`is in the future: ${value}`);
    return value;
  },
  format: (value) => value,
};

/** One row per recipient the desa lists (usually one: the head), the family's columns repeated on each. */
export const KEMENDES_FORMAT: ImportFormat<KemendesFamilyRecord, KemendesRecipientRecord> = {
  familyColumns: [
    column('no_kk', noKK, (family: KemendesFamilyRecord) => family.noKK),
    ...residenceColumns(),
    column('since', month, (family) => family.since),
    column('status', choice(BLT_DD_STATUSES), (family) => family.status),
    column('monthly_amount', integer(1, MAX_MONTHLY_AMOUNT), (family) => family.monthlyAmount),
  ],
  memberColumns: identityColumns<KemendesRecipientRecord>(),
  members: (family) => family.members,
  build(family, members) {
    const no = family['no_kk'] as string;
    return {
      noKK: no,
      ...residenceOf(family),
      since: family['since'] as string,
      status: family['status'] as KemendesFamilyRecord['status'],
      monthlyAmount: family['monthly_amount'] as number,
      members: members.map((member) => identityOf(member, no)),
    };
  },
};
