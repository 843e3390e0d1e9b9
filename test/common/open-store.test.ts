import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EntitySchema, Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { chunk } from '../../common/store/chunks';
import { closeStore, openStore, type StoreDefinition } from '../../common/store/open-store';
import { isTransientStoreError, retryTransient, transientStorePolicy } from '../../common/store/transient-errors';
import { createTestStores, storeKinds } from '../support/stores';

interface NoteRow {
  readonly id?: number;
  readonly text: string;
}

const NoteEntity = new EntitySchema<NoteRow>({
  name: 'Note',
  tableName: 'note',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    text: { type: 'varchar', length: 50 },
  },
});

class NoteInitial1700000000000 implements MigrationInterface {
  name = 'NoteInitial1700000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'note',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'text', type: 'varchar', length: '50' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('note');
  }
}

const NOTES: StoreDefinition = { entities: [NoteEntity], migrations: [NoteInitial1700000000000] };

describe('openStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dtsen-open-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when the URL has an unknown scheme, then opening fails naming the scheme and the supported forms', async () => {
    await expect(openStore('postgres://localhost/dtks', NOTES)).rejects.toThrow(
      new Error('Unsupported store URL scheme "postgres:"; use sqlite:<path> or mysql://user:pass@host:port/db'),
    );
  });

  it('when a mysql URL has no database name, then opening fails saying so before connecting', async () => {
    await expect(openStore('mysql://root@127.0.0.1:1', NOTES)).rejects.toThrow(
      new Error('A mysql: store URL needs a database name of letters, digits and _, e.g. mysql://user:pass@host:3306/dtsen_dtks'),
    );
  });

  it('when a sqlite file lives in folders that do not exist, then they are made and the migrations run', async () => {
    const file = path.join(dir, 'a', 'b', 'notes.sqlite');

    const store = await openStore(`sqlite:${file}`, NOTES);
    const migrations = await store.query('SELECT name FROM migrations');
    await closeStore(store);

    expect(migrations).toEqual([{ name: 'NoteInitial1700000000000' }]);
  });

  it('when a sqlite store is open, then it journals with WAL, enforces foreign keys and waits when busy', async () => {
    const store = await openStore(`sqlite:${path.join(dir, 'notes.sqlite')}`, NOTES);
    const pragmas = {
      journal: await store.query('PRAGMA journal_mode'),
      foreignKeys: await store.query('PRAGMA foreign_keys'),
      busyTimeout: await store.query('PRAGMA busy_timeout'),
    };
    await closeStore(store);

    expect(pragmas).toEqual({
      journal: [{ journal_mode: 'wal' }],
      foreignKeys: [{ foreign_keys: 1 }],
      busyTimeout: [{ timeout: 5000 }],
    });
  });

  it('when a store is opened again, then applied migrations are not run twice and the data is kept', async () => {
    const url = `sqlite:${path.join(dir, 'notes.sqlite')}`;
    const first = await openStore(url, NOTES);
    await first.getRepository(NoteEntity).insert({ text: 'kept' });
    await closeStore(first);

    const second = await openStore(url, NOTES);
    const state = { pending: await second.showMigrations(), notes: await second.getRepository(NoteEntity).find() };
    await closeStore(second);

    expect(state).toEqual({ pending: false, notes: [{ id: 1, text: 'kept' }] });
  });

  it('when onQuery is given, then it hears every statement the store runs', async () => {
    const statements: string[] = [];
    const store = await openStore(`sqlite:${path.join(dir, 'notes.sqlite')}`, NOTES, { onQuery: (sql) => statements.push(sql) });
    statements.length = 0;

    await store.query('SELECT 1');
    await store.getRepository(NoteEntity).count();
    await closeStore(store);

    expect(statements).toEqual(['SELECT 1', 'SELECT COUNT(1) AS "cnt" FROM "note" "Note"']);
  });

  it('when a store is closed twice, then the second close does nothing', async () => {
    const store = await openStore('sqlite::memory:', NOTES);
    await closeStore(store);

    await expect(closeStore(store)).resolves.toBeUndefined();
  });
});

describe('openStore with read replicas', () => {
  it('when a sqlite store is given replica URLs, then opening fails saying replicas need a mysql store', async () => {
    await expect(openStore('sqlite::memory:', NOTES, { replicaUrls: ['mysql://reader@replica.local:3306/notes'] })).rejects.toThrow(
      new Error('A sqlite: store has no read replicas; replica URLs need a mysql: store'),
    );
  });

  it('when a replica URL has no database name, then opening fails saying so before connecting', async () => {
    await expect(openStore('mysql://root@127.0.0.1:1/notes', NOTES, { replicaUrls: ['mysql://reader@127.0.0.1:1'] })).rejects.toThrow(
      new Error('A mysql: store URL needs a database name of letters, digits and _, e.g. mysql://user:pass@host:3306/dtsen_dtks'),
    );
  });

  it('when a cluster URL is given read replicas, then opening fails saying a host list takes none, before connecting', async () => {
    await expect(openStore('mysql://root@127.0.0.2,127.0.0.3:1/notes', NOTES, { replicaUrls: ['mysql://reader@127.0.0.1:1/notes'] })).rejects.toThrow(
      new Error("A mysql: store with read replicas names one server per URL; a host list (a cluster's nodes) takes no replicas"),
    );
  });

  // Replicas exist only on MySQL: this runs when MYSQL_URL is set (as in CI).
  for (const kind of storeKinds().filter((candidate) => candidate === 'mysql')) {
    describe(`on a ${kind} server`, () => {
      it('when the replica is the primary database itself, then writes land and reads through the replica see them', async () => {
        const stores = createTestStores(kind);
        const url = stores.urls.dtks;
        try {
          const store = await openStore(url, NOTES, { replicaUrls: [url] });
          await store.getRepository(NoteEntity).insert([{ text: 'first' }, { text: 'second' }]);
          const state = {
            replicated: store.driver.isReplicated,
            migrations: await store.query('SELECT name FROM migrations'),
            notes: await store.getRepository(NoteEntity).find({ order: { id: 'ASC' } }),
          };
          await closeStore(store);

          expect(state).toEqual({
            replicated: true,
            migrations: [{ name: 'NoteInitial1700000000000' }],
            notes: [
              { id: 1, text: 'first' },
              { id: 2, text: 'second' },
            ],
          });
        } finally {
          await stores.remove();
        }
      });

      it('when the URL names several servers of a cluster and the first refuses connections, then the store opens on the next and writes land', async () => {
        const stores = createTestStores(kind);
        // 127.0.0.2 answers nothing on the shared server's port here (it listens on 127.0.0.1): a lost node.
        const cluster = new URL(stores.urls.dtks);
        cluster.hostname = `127.0.0.2,${cluster.hostname}`;
        try {
          const store = await openStore(cluster.toString(), NOTES);
          await store.getRepository(NoteEntity).insert({ text: 'landed' });
          const notes = await store.getRepository(NoteEntity).find();
          await closeStore(store);

          expect(notes).toEqual([{ id: 1, text: 'landed' }]);
        } finally {
          await stores.remove();
        }
      });

      it('when several replicas open a fresh store at once, then one migrates while the others wait, and all open', async () => {
        const stores = createTestStores(kind);
        const url = stores.urls.dtks;
        try {
          const opened = await Promise.all([1, 2, 3, 4].map(() => openStore(url, NOTES)));
          const migrations = await opened[0]?.query('SELECT name FROM migrations');
          await Promise.all(opened.map(closeStore));

          expect({ opened: opened.length, migrations }).toEqual({ opened: 4, migrations: [{ name: 'NoteInitial1700000000000' }] });
        } finally {
          await stores.remove();
        }
      });
    });
  }
});

describe('transient store errors', () => {
  const lost = Object.assign(new Error('Connection lost: The server closed the connection.'), { code: 'PROTOCOL_CONNECTION_LOST' });
  const galeraNotReady = { message: 'query failed', driverError: { code: 'ER_UNKNOWN_COM_ERROR', errno: 1047 } };
  const everyNodeRefused = new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })]);
  const duplicate = Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY' });

  it('when a connection was lost, a Galera node was not ready or every node refused, then the error is transient; a constraint violation is not', () => {
    expect([lost, galeraNotReady, everyNodeRefused, duplicate, null].map(isTransientStoreError)).toEqual([true, true, true, false, false]);
  });

  it('when work fails transiently and then succeeds, then it is run again until it does; any other error is thrown at once', async () => {
    const attempts: number[] = [];
    const result = await retryTransient(async (attempt) => {
      attempts.push(attempt);
      if (attempt < 2) throw lost;
      return 'done';
    }, transientStorePolicy(3, 0));
    let refused = 0;
    const failure = retryTransient(async () => {
      refused += 1;
      throw duplicate;
    }, transientStorePolicy(3, 0));

    await expect(failure).rejects.toBe(duplicate);
    expect({ result, attempts, refused }).toEqual({ result: 'done', attempts: [0, 1, 2], refused: 1 });
  });

  it('when work keeps failing transiently, then the last failure is thrown after the given retries', async () => {
    let tries = 0;
    await expect(
      retryTransient(async () => {
        tries += 1;
        throw lost;
      }, transientStorePolicy(2, 0)),
    ).rejects.toBe(lost);
    expect(tries).toBe(3);
  });
});

describe('chunk', () => {
  it('when items do not divide evenly, then the last slice holds the rest', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('when there are no items, then there are no slices', () => {
    expect(chunk([], 3)).toEqual([]);
  });

  it('when the size is not a positive integer, then it is refused', () => {
    expect(() => chunk([1], 0)).toThrow(new RangeError('chunk size must be a positive integer, got 0'));
  });
});
