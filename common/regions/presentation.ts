// idn-area-data writes provinces and regencies in capitals ("KABUPATEN ACEH SELATAN") and districts
// and villages as Kemendagri publishes them ("Kebon Kelapa"). One presentation for all levels:
// capitals become title case, as Kemendagri writes these names in its decrees.

/** Acronyms that stay in capitals. */
const ACRONYMS: ReadonlySet<string> = new Set(['DKI']);
/** Conjunctions that stay lower-case inside a name ("Pangkajene dan Kepulauan"). */
const CONJUNCTIONS: ReadonlySet<string> = new Set(['dan']);

function capitalise(word: string): string {
  return word.replace(/(^|-)(\p{L})/gu, (_match, before: string, letter: string) => `${before}${letter.toUpperCase()}`);
}

/** `KOTA ADMINISTRASI JAKARTA PUSAT` → `Kota Administrasi Jakarta Pusat`, `DKI JAKARTA` → `DKI Jakarta`. */
export function titleCase(capitals: string): string {
  return capitals
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word, index) => {
      if (ACRONYMS.has(word)) return word;
      const lower = word.toLowerCase();
      return index > 0 && CONJUNCTIONS.has(lower) ? lower : capitalise(lower);
    })
    .join(' ');
}
