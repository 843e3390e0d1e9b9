// An independent reading of the shared data-quality definitions (/tmp/defects.md, copied into
// docs/data.md), used to check that the generator injects exactly what its truth announces.
import { checkNik } from '../../common/identifiers';
import type { GeneratedBatch } from '../../seed/generator';

interface HeldRecord {
  readonly noKK: string;
  readonly regionCode: string;
  readonly members: readonly { readonly nik: string }[];
}

type RegisterName = 'dtks' | 'regsosek' | 'p3ke';
const REGISTER_NAMES: readonly RegisterName[] = ['dtks', 'regsosek', 'p3ke'];
/** The registers whose member records the NIK checks read: the family registers and BPJS Kesehatan. */
type MemberRegister = RegisterName | 'bpjs';
const MEMBER_REGISTERS: readonly MemberRegister[] = [...REGISTER_NAMES, 'bpjs'];

function legacyDesil(percentile: number | null): number | null {
  if (percentile === null || percentile > 40) return null;
  return percentile <= 10 ? 1 : Math.ceil(percentile / 10);
}

/** Issues per household as `CODE` or `CODE:nik`, per the shared definitions. */
export function detectIssues(batch: Pick<GeneratedBatch, RegisterName | 'bpjs'>, evaluationDate: Date): Map<string, Set<string>> {
  const dtksByKK = new Map(batch.dtks.map((record) => [record.noKK, record]));
  const regsosekByKK = new Map(batch.regsosek.map((record) => [record.noKK, record]));
  const p3keByKK = new Map(batch.p3ke.map((record) => [record.noKK, record]));
  const bpjsByKK = new Map(batch.bpjs.map((record) => [record.noKK, record]));
  const held: Record<MemberRegister, ReadonlyMap<string, HeldRecord>> = { dtks: dtksByKK, regsosek: regsosekByKK, p3ke: p3keByKK, bpjs: bpjsByKK };
  const kksOfNik: Record<MemberRegister, Map<string, Set<string>>> = { dtks: new Map(), regsosek: new Map(), p3ke: new Map(), bpjs: new Map() };
  for (const register of MEMBER_REGISTERS) {
    for (const record of held[register].values()) {
      for (const member of record.members) {
        const kks = kksOfNik[register].get(member.nik) ?? new Set<string>();
        kks.add(record.noKK);
        kksOfNik[register].set(member.nik, kks);
      }
    }
  }
  const households = new Set(REGISTER_NAMES.flatMap((register) => [...held[register].keys()]));
  const issues = new Map<string, Set<string>>();
  for (const noKK of households) {
    const found = new Set<string>();
    const holders = REGISTER_NAMES.filter((register) => held[register].has(noKK));
    for (const register of MEMBER_REGISTERS.filter((candidate) => held[candidate].has(noKK))) {
      for (const { nik } of (held[register].get(noKK) as HeldRecord).members) {
        if (!checkNik(nik, evaluationDate).valid) found.add(`INVALID_NIK:${nik}`);
        if ((kksOfNik[register].get(nik)?.size ?? 0) >= 2) found.add(`DUPLICATE_NIK:${nik}`);
        for (const other of MEMBER_REGISTERS) {
          const elsewhere = kksOfNik[other].get(nik);
          if (other !== register && elsewhere && !elsewhere.has(noKK)) found.add(`KK_MISMATCH:${nik}`);
        }
      }
    }
    const dtks = dtksByKK.get(noKK);
    const regsosek = regsosekByKK.get(noKK);
    const p3ke = p3keByKK.get(noKK);
    const candidates = [regsosek?.ranking?.desil ?? null, p3ke?.desil ?? null, dtks ? legacyDesil(dtks.welfarePercentile) : null].filter(
      (value): value is number => value !== null,
    );
    if (candidates.some((a) => candidates.some((b) => Math.abs(a - b) >= 2))) found.add('DESIL_CONFLICT');
    if (regsosek && dtks && dtks.receipts.some((receipt) => receipt.status === 'ACTIVE')) {
      const inDtks = new Set(dtks.members.map((member) => member.nik));
      for (const member of regsosek.members) {
        if (member.presence === 2 && inDtks.has(member.nik)) found.add(`DECEASED_RECEIVING:${member.nik}`);
      }
    }
    if ((dtks || p3ke) && !regsosek) found.add('MISSING_FROM_REGSOSEK');
    if (new Set(holders.map((register) => (held[register].get(noKK) as HeldRecord).regionCode)).size > 1) found.add('REGION_MISMATCH');
    if (dtks) {
      // Living: listed by a register here, and not recorded by Regsosek as died or moved away.
      const gone = new Set((regsosek?.members ?? []).filter((member) => [2, 3, 4].includes(member.presence)).map((member) => member.nik));
      const listed = new Set(holders.flatMap((register) => (held[register].get(noKK) as HeldRecord).members.map((member) => member.nik)));
      const bpjsPbi = (bpjsByKK.get(noKK)?.members ?? []).some(
        (member) => member.status === 'ACTIVE' && (member.segment === 'PBI_APBN' || member.segment === 'PBI_APBD') && listed.has(member.nik) && !gone.has(member.nik),
      );
      const dtksPbi = dtks.receipts.some((receipt) => receipt.program === 'PBI_JK' && receipt.status === 'ACTIVE');
      if (bpjsPbi !== dtksPbi) found.add('PBI_JK_RECEIPT_MISMATCH');
    }
    issues.set(noKK, found);
  }
  return issues;
}
