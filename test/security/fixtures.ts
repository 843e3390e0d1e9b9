import type { DtksFamilyRecord } from '../../subgraphs/dtks/records';
import type { RegisterData } from '../support/system';
import { WORLD } from '../federated/fixtures';

/** Gambir, Jakarta Pusat (31.71): outside Penjaringan (31.72), where every family of WORLD lives. */
export const GAMBIR = '3171011001';
export const RINA_KK = '3171012304180003';
export const RINA_NIK = '3171016504700006';

const wati = WORLD.dtks[1] as DtksFamilyRecord;

const rina: DtksFamilyRecord = {
  ...wati,
  dtksId: 'DTKS-0000003',
  noKK: RINA_KK,
  regionCode: GAMBIR,
  address: 'Jl. Tanah Abang II No. 7',
  members: [{ ...(wati.members[0] as DtksFamilyRecord['members'][number]), nik: RINA_NIK, noKK: RINA_KK, name: 'Rina Marlina', birthDate: '1970-04-25' }],
};

/** WORLD (Penjaringan) plus one DTKS family in Gambir, for region-bound principals. */
export const TWO_CITIES: RegisterData = { ...WORLD, dtks: [...WORLD.dtks, rina] };
