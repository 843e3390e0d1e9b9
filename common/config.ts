import { makeValidator } from 'envalid';

/** Parses `YYYY-MM-DD` to midnight UTC; an empty value means today. Throws naming the variable. */
export function parseIsoDate(value: string, variable: string, today: Date): Date {
  if (value === '') return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new Error(`${variable} must be a date as YYYY-MM-DD, got "${value}"`);
  }
  return date;
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
