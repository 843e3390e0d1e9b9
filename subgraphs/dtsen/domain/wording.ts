// Phrases shared by the reasons and issue details, so the same fact reads the same everywhere.
import { SOURCE_NAMES, type Source } from './sources';
import { listing, type Statement } from './statement';

export function rupiah(amount: number): string {
  return `Rp ${amount.toLocaleString('en-US')}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export function sourceListing(sources: readonly Source[]): Statement {
  return listing(sources.map((source) => SOURCE_NAMES[source]));
}

/**
 * Why Regsosek's facts are missing: it does not hold the family (null), or its subgraph could not
 * be asked (undefined).
 */
export function regsosekMissing(regsosek: null | undefined): string {
  return regsosek === null ? 'Regsosek does not hold the family' : 'Regsosek could not be asked about the family';
}
