import path from 'node:path';

/**
 * The registers: the stored subgraphs dtsen reads (its SDL's `<register>Input` fields, the
 * directory's probes, the audit trail's sources). A literal union because dtsen's code names each;
 * it cannot be derived from subgraphs/registry.ts without common/ importing subgraphs/, so
 * test/subgraphs/registry.test.ts checks that the registry's registers are exactly these.
 */
export type Register = 'dtks' | 'regsosek' | 'p3ke' | 'kemendes' | 'bpjs';
export const REGISTERS: readonly Register[] = ['dtks', 'regsosek', 'p3ke', 'kemendes', 'bpjs'];
/** A store of the system: a stored subgraph's (by the subgraph's name), or the resolution index (`index`). */
export type StoreName = string;

export interface StoreUrlSettings {
  /** `mysql://user:pass@host:port`: every store on this server, databases `dtsen_<store>`. */
  readonly mysqlUrl?: string | undefined;
  /** `<STORE>_DATABASE_URL`: this store alone, a full `mysql://…/db` or `sqlite:path` URL. */
  readonly overrideUrl?: string | undefined;
  /** Folder of the embedded SQLite files. */
  readonly dataDir: string;
}

/**
 * Where a store lives: its own override, else its database on the shared MySQL server, else an
 * embedded SQLite file in the data folder.
 */
export function resolveStoreUrl(register: StoreName, settings: StoreUrlSettings): string {
  if (settings.overrideUrl) return settings.overrideUrl;
  if (settings.mysqlUrl) {
    const url = new URL(settings.mysqlUrl);
    url.pathname = `/dtsen_${register}`;
    return url.toString();
  }
  return `sqlite:${path.join(settings.dataDir, `${register}.sqlite`)}`;
}
