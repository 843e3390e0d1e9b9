import type { DataSource } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { closeStore } from '../../common/store/open-store';
import { listen, postSignedGraphQL, type HttpAnswer, type Listening } from '../common/http-client';
import { testSigningKey } from '../support/principals';
import { createTestStores, type StoreKind, type TestStores } from '../support/stores';
import type { AnyFamilyRepository, FamilyLike, RegisterCase } from './registers';
import type { Logger } from '../../common/logging/logger';

export interface ServedRegister {
  readonly dataSource: DataSource;
  readonly repository: AnyFamilyRepository;
  /** Posts an operation to the subgraph, signed for `principal`. */
  readonly post: (principal: Principal, query: string, variables?: Record<string, unknown>) => Promise<HttpAnswer>;
}

export interface ServeOptions {
  /** Inserted batch by batch, so member records of later batches are the more recent ones. */
  readonly batches: readonly (readonly FamilyLike[])[];
  /** `each`: a fresh store and app for every test; `all`: one for the describe. */
  readonly per: 'all' | 'each';
  /** Wraps the repository the app reads through (e.g. to make a write fail). */
  readonly wrap?: (repository: AnyFamilyRepository) => AnyFamilyRepository;
  /** Where the subgraph logs (default: nowhere). */
  readonly logger?: Logger;
}

/** A register's subgraph over a store of `kind`, listening on a free port; read it with `served()` inside a test. */
export function serveRegister(kind: StoreKind, registerCase: RegisterCase, options: ServeOptions): () => ServedRegister {
  let stores: TestStores | undefined;
  let dataSource: DataSource | undefined;
  let server: Listening | undefined;
  let stopApp: (() => Promise<void>) | undefined;
  let current: ServedRegister | undefined;

  const setUp = async () => {
    stores = createTestStores(kind);
    const opened = await registerCase.openStore(stores.urls[registerCase.register]);
    dataSource = opened;
    const repository = registerCase.createRepository(opened);
    for (const batch of options.batches) await repository.insertFamilies(batch);
    const built = await registerCase.buildApp(options.wrap ? options.wrap(repository) : repository, options.logger);
    stopApp = built.stop;
    const listening = await listen(built.app);
    server = listening;
    current = {
      dataSource: opened,
      repository,
      post: (principal, query, variables) => postSignedGraphQL(testSigningKey(registerCase.register), listening.origin, query, variables, principal),
    };
  };
  const tearDown = async () => {
    await server?.close();
    await stopApp?.();
    if (dataSource) await closeStore(dataSource);
    await stores?.remove();
    current = undefined;
  };
  if (options.per === 'each') {
    beforeEach(setUp);
    afterEach(tearDown);
  } else {
    beforeAll(setUp);
    afterAll(tearDown);
  }
  return () => {
    if (!current) throw new Error('the served register exists only inside a test');
    return current;
  };
}

/** `_entities` for these representations, selecting `selection` on each. */
export function entitiesQuery(selection: string): string {
  return `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;
}

export const household = (noKK: string) => ({ __typename: 'Household', noKK });
export const person = (nik: string) => ({ __typename: 'Person', nik });
export const auditTrail = (nik: string) => ({ __typename: 'AuditTrail', nik });
