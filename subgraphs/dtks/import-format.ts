import { RECEIPT_PROGRAMMES } from '../../common/programmes';
import type { DtksFamilyRecord, DtksMemberRecord, DtksReceiptRecord, PkhComponent } from './records';
import { choice, date, FieldProblem, flag, integer, list, noKK, optional, text } from '../../common/import/codecs';
import { column, type ImportFormat } from '../../common/import/format';
import { identityColumns, identityOf, residenceColumns, residenceOf } from '../../common/import/shared-columns';

const COMPONENTS: readonly PkhComponent[] = ['PREGNANT', 'EARLY_CHILDHOOD', 'PUPIL_SD', 'PUPIL_SMP', 'PUPIL_SMA', 'SEVERE_DISABILITY', 'ELDERLY'];
/** The store's column for a receipt's components holds 128 characters. */
const MAX_COMPONENTS_LENGTH = 128;

const program = choice(RECEIPT_PROGRAMMES);
const status = choice(['ACTIVE', 'SUSPENDED'] as const);
const component = choice(COMPONENTS);

/** `PROGRAM:since:STATUS:COMPONENT+COMPONENT` items separated by `;`. */
const receipts = list<DtksReceiptRecord>(4, {
  parse([name, since, state, components], context) {
    if ((components ?? '').length > MAX_COMPONENTS_LENGTH) throw new FieldProblem(`PKH components are longer than ${MAX_COMPONENTS_LENGTH} characters`);
    const parsed = components === '' ? [] : (components ?? '').split('+').map((entry) => component.parse(entry, context));
    const receipt = { program: program.parse(name ?? '', context), since: date.parse(since ?? '', context), status: status.parse(state ?? '', context) };
    if (receipt.program !== 'PKH' && parsed.length > 0) throw new FieldProblem(`only PKH receipts have components, ${receipt.program} has some`);
    return { ...receipt, pkhComponents: parsed };
  },
  format: (receipt) => [receipt.program, receipt.since, receipt.status, receipt.pkhComponents.join('+')],
});

export const DTKS_FORMAT: ImportFormat<DtksFamilyRecord, DtksMemberRecord> = {
  familyColumns: [
    column('no_kk', noKK, (family: DtksFamilyRecord) => family.noKK),
    column('dtks_id', text(32), (family) => family.dtksId),
    ...residenceColumns(),
    column('verification_status', choice(['VERIFIED', 'UNVERIFIED', 'REJECTED'] as const), (family) => family.verificationStatus),
    column('verified_at', optional(date), (family) => family.verifiedAt),
    column('active', flag, (family) => family.active),
    column('welfare_percentile', optional(integer(0, 100)), (family) => family.welfarePercentile),
    column('receipts', receipts, (family) => [...family.receipts]),
  ],
  memberColumns: [
    ...identityColumns<DtksMemberRecord>(),
  ],
  members: (family) => family.members,
  build(family, members) {
    const no = family['no_kk'] as string;
    return {
      dtksId: family['dtks_id'] as string,
      noKK: no,
      ...residenceOf(family),
      verificationStatus: family['verification_status'] as DtksFamilyRecord['verificationStatus'],
      verifiedAt: family['verified_at'] as string | null,
      active: family['active'] as boolean,
      welfarePercentile: family['welfare_percentile'] as number | null,
      receipts: family['receipts'] as DtksReceiptRecord[],
      members: members.map((member) => identityOf(member, no)),
    };
  },
};
