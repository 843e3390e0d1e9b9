import { randomBytes } from 'node:crypto';
import { type Principal } from '../../common/auth/principal';
import { isProgramme } from '../../common/programmes';
import { checkChangeReader } from '../../resolution/eligibility-changes';
import type { WebhookSubscriptionRow } from '../../resolution/webhook-entities';
import type { WebhookStore } from '../../resolution/webhook-store';
import type { IndexQueryRepository } from '../../resolution/query-repository';
import { principalFromClaims } from '../auth/claims';
import { checkReceiverUrl } from './receiver-url';
import { newSecretNonce, subscriberSecret } from './subscriber-secret';

// A subscription keeps the principal it was made for (organisation, roles, regions, programmes,
// purpose): every delivery is read as that principal reads `eligibilityChanges`, so a partner gets
// its programmes only, a region-bound reader its regions only, and the No. KK is masked unless its
// roles carry pii.

/** Who subscribes, as a token would name it (gateway/auth/claims.ts). */
export interface SubscriberClaims {
  readonly subject: string;
  readonly organisation: string;
  readonly roles: readonly string[];
  readonly regions: readonly string[] | null;
  readonly programmes: readonly string[] | null;
  readonly purpose: string;
}

export interface NewSubscription extends SubscriberClaims {
  readonly program: string;
  readonly url: string;
}

export class SubscriptionError extends Error {}

const list = (value: string | null) => (value === null ? null : value.split(','));

function principalOf(claims: SubscriberClaims, operation: string | null): Principal {
  return principalFromClaims(
    { sub: claims.subject, org: claims.organisation, roles: [...claims.roles], regions: claims.regions && [...claims.regions], programmes: claims.programmes && [...claims.programmes], purpose: claims.purpose },
    operation,
  );
}

/** The principal a subscription's deliveries are read as; `operation` names the delivery in the audit trail. */
export function subscriberPrincipal(row: WebhookSubscriptionRow, operation: string): Principal {
  return principalOf({ subject: row.subject, organisation: row.organisation, roles: row.roles.split(','), regions: list(row.regions), programmes: list(row.programmes), purpose: row.purpose }, operation);
}

/**
 * Checks and stores a subscription; returns it with its signing secret, which is shown once and
 * never stored. Deliveries start with the first period kept after now. SubscriptionError says
 * what is wrong: the principal, the programme (one it may read the changes of) or the URL.
 */
export async function addSubscription(
  input: NewSubscription,
  options: { readonly store: WebhookStore; readonly index: Pick<IndexQueryRepository, 'keptPeriods'>; readonly secretKey: string; readonly allowPrivateUrls: boolean; readonly now: Date },
): Promise<{ readonly subscription: WebhookSubscriptionRow; readonly secret: string }> {
  let principal: Principal;
  try {
    principal = principalOf(input, null);
    if (!isProgramme(input.program)) throw new SubscriptionError(`program must be a programme, got "${input.program}"`);
    checkChangeReader(principal, input.program, 'A webhook');
    checkReceiverUrl(input.url, options.allowPrivateUrls);
  } catch (error) {
    throw new SubscriptionError(error instanceof Error ? error.message : String(error));
  }
  const kept = await options.index.keptPeriods();
  const subscription: WebhookSubscriptionRow = {
    id: `whs_${randomBytes(12).toString('hex')}`,
    organisation: principal.organisation,
    subject: principal.subject,
    roles: principal.roles.join(','),
    regions: principal.regions === null ? null : principal.regions.join(','),
    programmes: principal.programmes === null ? null : principal.programmes.join(','),
    purpose: principal.purpose,
    program: input.program,
    url: input.url,
    secretNonce: newSecretNonce(),
    afterPeriod: kept.at(-1)?.period ?? null,
    createdAt: options.now.toISOString(),
    removedAt: null,
  };
  await options.store.addSubscription(subscription);
  return { subscription, secret: subscriberSecret(options.secretKey, subscription.id, subscription.secretNonce) };
}
