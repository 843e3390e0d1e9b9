import type { Register } from '../../common/store-url';
import { DTKS_FORMAT } from './dtks';
import type { AnyRegisterFormat } from './format';
import { P3KE_FORMAT } from './p3ke';
import { REGSOSEK_FORMAT } from './regsosek';

export { headerOf, rowsOf, type AnyRegisterFormat, type RegisterFormat, type Values } from './format';

export const FORMATS: Readonly<Record<Register, AnyRegisterFormat>> = { dtks: DTKS_FORMAT, regsosek: REGSOSEK_FORMAT, p3ke: P3KE_FORMAT };
