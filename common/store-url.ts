import path from 'node:path';

export type Register = 'dtks' | 'regsosek' | 'p3ke';
export const REGISTERS: readonly Register[] = ['dtks', 'regsosek', 'p3ke'];

export interface StoreUrlSettings {
  /** `mysql://user:pass@host:port`: all three stores on this server, databases `dtsen_<register>`. */
  readonly mysqlUrl?: string | undefined;
  /** `<REGISTER>_DATABASE_URL`: this store alone, a full `mysql://…/db` or `sqlite:path` URL. */
  readonly overrideUrl?: string | undefined;
  /** Folder of the embedded SQLite files. */
  readonly dataDir: string;
}

/**
 * Where a register's store lives: its own override, else its database on the shared MySQL
 * server, else an embedded SQLite file in the data folder.
 */
export function resolveStoreUrl(register: Register, settings: StoreUrlSettings): string {
  if (settings.overrideUrl) return settings.overrideUrl;
  if (settings.mysqlUrl) {
    const url = new URL(settings.mysqlUrl);
    url.pathname = `/dtsen_${register}`;
    return url.toString();
  }
  return `sqlite:${path.join(settings.dataDir, `${register}.sqlite`)}`;
}
