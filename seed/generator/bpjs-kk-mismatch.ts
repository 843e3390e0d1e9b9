// KK_MISMATCH counts BPJS Kesehatan among the registers (docs/data-quality.md): a NIK listed under a
// household by one register and enrolled by BPJS only under another No. KK, or the reverse. BPJS
// enrols each person under the family's original No. KK after the other registers' defects, so the
// disagreements it adds are computed here from the records as written, over the family and its
// pair partner (the only family a duplicated NIK is shared with).
import type { BpjsFamilyRecord } from '../../subgraphs/bpjs/subgraph';
import type { FamilyRecords } from './defects';

/** What one family of the pair holds: its registers' records and its BPJS enrolments. */
export interface DrawnRecords {
  readonly records: FamilyRecords;
  readonly bpjs: BpjsFamilyRecord | null;
}

type Listed = { readonly noKK: string; readonly members: readonly { readonly nik: string }[] } | null;

const kksListing = (nik: string, records: readonly Listed[]): string[] =>
  records.filter((record): record is NonNullable<Listed> => record !== null && record.members.some((member) => member.nik === nik)).map((record) => record.noKK);

/** The NIKs of household `noKK` that BPJS, set against a family register, puts under different No. KKs. */
export function bpjsKkMismatches(noKK: string, pair: readonly DrawnRecords[]): string[] {
  const families = (register: keyof FamilyRecords): Listed[] => pair.map((drawn) => drawn.records[register]);
  const registers = (['regsosek', 'dtks', 'p3ke'] as const).map(families);
  const bpjs: Listed[] = pair.map((drawn) => drawn.bpjs);
  const here = (records: readonly Listed[]) => records.filter((record) => record?.noKK === noKK).flatMap((record) => record?.members.map((member) => member.nik) ?? []);
  const onlyElsewhere = (nik: string, records: readonly Listed[]) => {
    const kks = kksListing(nik, records);
    return kks.length > 0 && !kks.includes(noKK);
  };
  const byRegisters = new Set(registers.flatMap(here));
  const byBpjs = new Set(here(bpjs));
  return [
    ...new Set([
      ...[...byRegisters].filter((nik) => onlyElsewhere(nik, bpjs)),
      ...[...byBpjs].filter((nik) => registers.some((records) => onlyElsewhere(nik, records))),
    ]),
  ];
}
