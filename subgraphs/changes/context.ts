import type { Principal } from '../../common/auth/principal';
import type { CursorCodec } from '../../common/cursor';
import type { RequestLogging } from '../../common/logging/http-logging';
import type { AuditRecorder } from '../../common/subgraph/audit-recorder';
import type { ChangeLoaders } from './loaders';
import type { ChangeRepository } from './repository';

/** What every changes resolver receives; app.ts builds it per request. */
export interface ChangesContext extends RequestLogging {
  readonly principal: Principal;
  /** The store, shared by every request; the mutations reach it through the service their resolvers are built with. */
  readonly repository: ChangeRepository;
  readonly loaders: ChangeLoaders;
  /** The reads of families' requests this request served, written before its response leaves. */
  readonly audit: AuditRecorder;
  readonly cursors: CursorCodec;
}
