import type { DataSource } from 'typeorm';
import type { Register } from '../../common/store-url';
import { closeStore, type StoreOptions } from '../../common/store/open-store';
import { createTestStores, type StoreKind, type TestStores } from '../support/stores';

export interface FreshStore<Repository> {
  readonly dataSource: DataSource;
  readonly repository: Repository;
  /** Every SQL statement the store ran since it was opened or `sql.length = 0`. */
  readonly sql: string[];
}

/**
 * Gives every test of the enclosing describe its own empty store of `kind` (migrations applied),
 * closed and removed after the test. Read it with `store()` inside a test.
 */
export function freshStoreForEachTest<Repository>(
  kind: StoreKind,
  register: Register,
  open: (url: string, options?: StoreOptions) => Promise<DataSource>,
  createRepository: (dataSource: DataSource) => Repository,
): () => FreshStore<Repository> {
  let current: FreshStore<Repository> | undefined;
  let stores: TestStores | undefined;
  beforeEach(async () => {
    stores = createTestStores(kind);
    const sql: string[] = [];
    const dataSource = await open(stores.urls[register], { onQuery: (statement) => sql.push(statement) });
    current = { dataSource, repository: createRepository(dataSource), sql };
  });
  afterEach(async () => {
    if (current) await closeStore(current.dataSource);
    await stores?.remove();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('the store exists only inside a test');
    return current;
  };
}

/** A well-formed No. KK / NIK of Penjaringan numbered n. */
export const kk = (n: number): string => `3172011506${String(n).padStart(6, '0')}`;
export const nik = (n: number): string => `3172014506${String(n).padStart(6, '0')}`;
