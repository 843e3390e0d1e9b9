import path from 'node:path';
import { cleanEnv } from 'envalid';
import { reportConfigErrors, storeLocationSpecs, storeUrlsFrom } from '../../../common/config';
import { BATCH_REGISTERS } from './register-of-record';

export interface BatchConfig {
  /** The changes store's URL; it holds credentials: never print it. */
  readonly changesUrl: string;
  /** The stores of the registers a batch writes files for, by name; credentials too. */
  readonly registerUrls: Readonly<Record<string, string>>;
  /** `DATA_DIR/batches`: where batch files go without `--out`. */
  readonly defaultOutDir: string;
}

/** Where the changes store and the registers' stores are, read as the subgraphs and the importer read them; throws naming every bad variable. */
export function loadBatchConfig(env: NodeJS.ProcessEnv = process.env): BatchConfig {
  const names = ['changes', ...BATCH_REGISTERS];
  const parsed = cleanEnv(env, storeLocationSpecs(names), { reporter: reportConfigErrors });
  const urls = storeUrlsFrom(names, parsed);
  return Object.freeze({
    changesUrl: urls['changes'] as string,
    registerUrls: Object.freeze(Object.fromEntries(BATCH_REGISTERS.map((name) => [name, urls[name] as string]))),
    defaultOutDir: path.join(parsed.DATA_DIR, 'batches'),
  });
}
