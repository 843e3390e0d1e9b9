import { checkNik } from '../../../../common/identifiers';
import type { HouseholdQualityRepresentation } from '../../representation';
import { PRESENCE_DIED } from '../register-codes';
import { SOURCE_NAMES, sortSources } from '../sources';
import { identifier, joined, listing, say } from '../statement';
import { plural } from '../wording';
import { kksOf, LISTING_SOURCES, type Listing } from './listings';
import type { DataQualityIssue } from './types';

/** One per (register, NIK) whose NIK fails the structural check at the evaluation date. */
export function invalidNiks(listings: readonly Listing[], evaluationDate: Date): DataQualityIssue[] {
  return listings.flatMap(({ source, nik }) => {
    const check = checkNik(nik, evaluationDate);
    if (check.valid) return [];
    return [{ code: 'INVALID_NIK', sources: [source], nik, detail: say`${SOURCE_NAMES[source]} lists a NIK that is not valid: ${check.problem ?? ''}` }];
  });
}

/** One per (register, NIK) that register lists under two or more KKs. */
export function duplicateNiks(listings: readonly Listing[]): DataQualityIssue[] {
  return listings.flatMap(({ source, nik }) => {
    const kks = kksOf(nik, source, listings);
    if (!kks || kks.length < 2) return [];
    return [
      {
        code: 'DUPLICATE_NIK',
        sources: [source],
        nik,
        detail: say`${SOURCE_NAMES[source]} lists this NIK under ${plural(kks.length, 'KK')}: ${listing(kks.map(identifier))}`,
      },
    ];
  });
}

/** One per NIK listed under this KK by one register and only under other KKs by another. */
export function kkMismatches(noKK: string, listings: readonly Listing[]): DataQualityIssue[] {
  const niks = [...new Set(listings.map((entry) => entry.nik))];
  return niks.flatMap((nik) => {
    const here = sortSources(listings.filter((entry) => entry.nik === nik).map((entry) => entry.source));
    const elsewhere = LISTING_SOURCES.filter((source) => !here.includes(source)).flatMap((source) => {
      const kks = kksOf(nik, source, listings);
      return kks && kks.length > 0 && !kks.includes(noKK) ? [{ source, kks }] : [];
    });
    if (elsewhere.length === 0) return [];
    const detail = joined(
      [
        say`${listing(here.map((source) => SOURCE_NAMES[source]))} ${here.length === 1 ? 'lists' : 'list'} this NIK under this KK`,
        ...elsewhere.map(({ source, kks }) => say`${SOURCE_NAMES[source]} lists it only under ${listing(kks.map(identifier))}`),
      ],
      '; ',
    );
    return [{ code: 'KK_MISMATCH', sources: sortSources([...here, ...elsewhere.map((entry) => entry.source)]), nik, detail }];
  });
}

/** One per member Regsosek records as died while DTKS lists them here and records an active receipt. */
export function deceasedReceiving(household: HouseholdQualityRepresentation): DataQualityIssue[] {
  const dtks = household.dtks;
  if (!dtks) return [];
  const active = [...new Set(dtks.receipts.filter((receipt) => receipt.status === 'ACTIVE').map((receipt) => receipt.program))];
  if (active.length === 0) return [];
  const dtksNiks = new Set(dtks.members.map((member) => member.nik));
  const deceased = (household.regsosek?.members ?? []).filter(
    (member) => member.presence === PRESENCE_DIED && dtksNiks.has(member.nik),
  );
  return [...new Set(deceased.map((member) => member.nik))].map((nik) => ({
    code: 'DECEASED_RECEIVING',
    sources: ['DTKS', 'REGSOSEK'],
    nik,
    detail: say`Regsosek records this member as deceased; DTKS still lists them in the family, which has active receipts: ${listing(active)}`,
  }));
}
