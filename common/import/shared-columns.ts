import { choice, date, digits, integer, nik, text, villageCode } from './codecs';
import { column, type Column, type Values } from './format';

/** Where a family lives, as every register records it: village code, street address, RT and RW. */
interface Residence {
  readonly regionCode: string;
  readonly address: string;
  readonly rt: string;
  readonly rw: string;
}

/** Who a member is, as every register records it. */
interface Identity {
  readonly nik: string;
  readonly name: string;
  readonly sex: 'MALE' | 'FEMALE';
  readonly birthDate: string;
  readonly relationship: number;
}

export function residenceColumns<Family extends Residence>(): Column<Family>[] {
  return [
    column('region_code', villageCode, (family: Family) => family.regionCode),
    column('address', text(255), (family: Family) => family.address),
    column('rt', digits(3), (family: Family) => family.rt),
    column('rw', digits(3), (family: Family) => family.rw),
  ];
}

export function identityColumns<Member extends Identity>(): Column<Member>[] {
  return [
    column('nik', nik, (member: Member) => member.nik),
    column('name', text(100), (member: Member) => member.name),
    column('sex', choice(['MALE', 'FEMALE'] as const), (member: Member) => member.sex),
    column('birth_date', date, (member: Member) => member.birthDate),
    column('relationship', integer(1, 8), (member: Member) => member.relationship),
  ];
}

/** The residence of a family row parsed with residenceColumns. */
export function residenceOf(family: Values): Residence {
  return { regionCode: family['region_code'] as string, address: family['address'] as string, rt: family['rt'] as string, rw: family['rw'] as string };
}

/** The identity of a member row parsed with identityColumns, under its family's No. KK. */
export function identityOf(member: Values, noKK: string): Identity & { readonly noKK: string } {
  return {
    nik: member['nik'] as string,
    noKK,
    name: member['name'] as string,
    sex: member['sex'] as Identity['sex'],
    birthDate: member['birth_date'] as string,
    relationship: member['relationship'] as number,
  };
}
