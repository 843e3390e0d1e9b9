import { makeValidator, str } from 'envalid';
import { resolveStoreUrl, type StoreName } from './store-url';

/** Parses `YYYY-MM-DD` to midnight UTC; an empty value means today. Throws naming the variable. */
export function parseIsoDate(value: string, variable: string, today: Date): Date {
  if (value === '') return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new Error(`${variable} must be a date as YYYY-MM-DD, got "${value}"`);
  }
  return date;
}

/** A whole number within bounds; throws naming the variable. */
export function wholeNumber(value: number, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number ${max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`}`);
  }
  return value;
}

/**
 * envalid's reporter: envalid's default one exits the process; throwing one error that names every
 * bad variable lets main.ts (and tests) decide.
 */
export function reportConfigErrors({ errors }: { errors: Partial<Record<string, Error>> }): void {
  const problems = Object.entries(errors).map(([name, error]) => `${name}: ${error?.message ?? 'invalid'}`);
  if (problems.length > 0) throw new Error(`Invalid configuration: ${problems.join('; ')}`);
}

/** `MYSQL_URL`: a MySQL/MariaDB server, without a database (each store gets its own). */
export const mysqlServerUrl = makeValidator((input: string) => {
  if (!input.startsWith('mysql://')) throw new Error('must be a mysql://user:pass@host:port URL');
  new URL(input);
  return input;
});

/** `<REGISTER>_DATABASE_URL`: one store. */
export const storeUrl = makeValidator((input: string) => {
  if (!input.startsWith('mysql://') && !input.startsWith('sqlite:')) {
    throw new Error('must be a mysql://user:pass@host:port/db or sqlite:<path> URL');
  }
  return input;
});

/**
 * `<NAME>_DATABASE_REPLICA_URLS`: comma-separated `mysql://user:pass@host:port[/db]` read replicas
 * of one store; a URL without a database reads the store's own database name.
 */
export const replicaUrlList = makeValidator((input: string): string[] => {
  const urls = input
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  for (const url of urls) {
    if (!url.startsWith('mysql://') || !URL.canParse(url)) throw new Error(`"${redacted(url)}" is not a mysql://user:pass@host:port[/db] URL`);
  }
  return urls;
});

/** A URL as it may appear in an error: without its password. */
function redacted(url: string): string {
  if (!URL.canParse(url)) return url.replace(/:[^:@/]*@/, ':***@');
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}

const storeVariable = <Name extends StoreName>(name: Name) => `${name.toUpperCase() as Uppercase<Name>}_DATABASE_URL` as const;

const optionalStoreUrl = (name: StoreName) => storeUrl({ default: undefined, desc: `The ${name} store alone` });

/**
 * The envalid specs of where stores live, for a config to spread into its own `cleanEnv` call (so
 * one error still names every bad variable): `<NAME>_DATABASE_URL` per store, `MYSQL_URL`, `DATA_DIR`.
 */
export function storeLocationSpecs<Name extends StoreName>(names: readonly Name[]) {
  const overrides = Object.fromEntries(names.map((name) => [storeVariable(name), optionalStoreUrl(name)]));
  return {
    MYSQL_URL: mysqlServerUrl({ default: undefined, desc: 'MySQL/MariaDB server holding the stores' }),
    DATA_DIR: str({ default: 'data', desc: 'Folder of the embedded SQLite stores' }),
    ...(overrides as Record<`${Uppercase<Name>}_DATABASE_URL`, ReturnType<typeof optionalStoreUrl>>),
  };
}

const replicaVariable = <Name extends StoreName>(name: Name) => `${name.toUpperCase() as Uppercase<Name>}_DATABASE_REPLICA_URLS` as const;

/** The envalid specs of the stores' read replicas, `<NAME>_DATABASE_REPLICA_URLS`, for the configs that read through them. */
export function storeReplicaSpecs<Name extends StoreName>(names: readonly Name[]) {
  const specs = Object.fromEntries(
    names.map((name) => [replicaVariable(name), replicaUrlList({ default: [], desc: `Read replicas of the ${name} store, comma-separated mysql:// URLs` })]),
  );
  return specs as Record<`${Uppercase<Name>}_DATABASE_REPLICA_URLS`, ReturnType<typeof replicaUrlList>>;
}

/**
 * Each store's read replicas from the variables `storeReplicaSpecs` read, a database-less URL
 * completed with the store's own database. Throws naming the variable when the store is not on MySQL.
 */
export function storeReplicaUrlsFrom<Name extends StoreName>(
  names: readonly Name[],
  parsed: object,
  storeUrls: Readonly<Record<Name, string>>,
): Readonly<Record<Name, readonly string[]>> {
  const values = parsed as Readonly<Record<string, readonly string[] | undefined>>;
  return Object.freeze(
    Object.fromEntries(
      names.map((name) => {
        const replicas = values[replicaVariable(name)] ?? [];
        const storeUrl = storeUrls[name];
        if (replicas.length > 0 && !storeUrl.startsWith('mysql://')) {
          throw new Error(`${replicaVariable(name)}: read replicas need the ${name} store on MySQL, not ${storeUrl.split(':')[0]}:`);
        }
        return [name, Object.freeze(replicas.map((replica) => withDatabaseOf(replica, storeUrl)))];
      }),
    ) as Record<Name, readonly string[]>,
  );
}

function withDatabaseOf(replicaUrl: string, storeUrl: string): string {
  const replica = new URL(replicaUrl);
  if (replica.pathname !== '' && replica.pathname !== '/') return replicaUrl;
  replica.pathname = new URL(storeUrl).pathname;
  return replica.toString();
}

/** Each store's URL from the variables `storeLocationSpecs` read (see resolveStoreUrl). */
export function storeUrlsFrom<Name extends StoreName>(names: readonly Name[], parsed: object): Readonly<Record<Name, string>> {
  const values = parsed as Readonly<Record<string, string | undefined>>;
  const settings = { mysqlUrl: values['MYSQL_URL'], dataDir: values['DATA_DIR'] ?? 'data' };
  return Object.freeze(
    Object.fromEntries(
      names.map((name) => [name, resolveStoreUrl(name, { ...settings, overrideUrl: values[storeVariable(name)] })]),
    ) as Record<Name, string>,
  );
}
