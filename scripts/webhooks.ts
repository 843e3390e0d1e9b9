// `npm run webhooks -- add|list|remove|redeliver`: an operator's hand on the webhook subscriptions
// and their delivery ledger, in the resolution index (INDEX_DATABASE_URL, else MYSQL_URL, else
// DATA_DIR/index.sqlite). docs/partners.md, "Webhooks".
import { parseArgs } from 'node:util';
import { ROLES } from '../common/auth/principal';
import { runCommand } from '../common/cli';
import { isPeriod } from '../common/period';
import { PROGRAMMES } from '../common/programmes';
import { closeStore } from '../common/store/open-store';
import { loadResolutionConfig } from '../resolution/config';
import { createIndexQueryRepository } from '../resolution/query-repository';
import { openIndexStore } from '../resolution/store';
import { createWebhookStore, DELIVERY_STATES } from '../resolution/webhook-store';
import { loadWebhookConfig } from '../gateway/webhooks/config';
import { addSubscription, SubscriptionError } from '../gateway/webhooks/subscriptions';

const USAGE = `Usage:
  npm run webhooks -- add --organisation NAME --role ROLE --program PROGRAMME --url URL
                          [--programme PROGRAMME]... [--region PREFIX]... [--subject ID] [--purpose TEXT]
  npm run webhooks -- list
  npm run webhooks -- remove --id ID
  npm run webhooks -- redeliver --id ID [--period YYYY-MM]

add: subscribes URL to the changes of PROGRAMME's eligible list (${PROGRAMMES.join(', ')}) at each
period the index keeps from now on, read as a token of ROLE (${ROLES.join(', ')}) would read
eligibilityChanges: a partner names its --programme(s), a caseworker its --region(s). Prints the
subscription's id and its signing secret, once. The URL must be https on a public address unless
WEBHOOK_ALLOW_PRIVATE_URLS=on.
list: every subscription with its pages by state. remove: no more deliveries to it.
redeliver: its failed pages (of one period, or all) are sent again, with their delivery ids.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      organisation: { type: 'string' },
      role: { type: 'string', multiple: true },
      program: { type: 'string' },
      url: { type: 'string' },
      programme: { type: 'string', multiple: true },
      region: { type: 'string', multiple: true },
      subject: { type: 'string' },
      purpose: { type: 'string' },
      id: { type: 'string' },
      period: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || command === undefined || !['add', 'list', 'remove', 'redeliver'].includes(command)) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const webhooks = loadWebhookConfig();
  const dataSource = await openIndexStore(loadResolutionConfig().indexUrl);
  const store = createWebhookStore(dataSource);
  try {
    if (command === 'add') {
      if (!values.organisation || !values.role || !values.program || !values.url) {
        process.stderr.write(`add needs --organisation, --role, --program and --url.\n${USAGE}\n`);
        return 2;
      }
      const { subscription, secret } = await addSubscription(
        {
          organisation: values.organisation,
          subject: values.subject ?? `${values.organisation}-webhook`,
          roles: values.role,
          regions: values.region ?? null,
          programmes: values.programme ?? null,
          purpose: values.purpose ?? `webhook of ${values.program} eligibility changes`,
          program: values.program,
          url: values.url,
        },
        { store, index: createIndexQueryRepository(dataSource), secretKey: webhooks.secretKey, allowPrivateUrls: webhooks.allowPrivateUrls, now: new Date() },
      );
      const from = subscription.afterPeriod === null ? 'the second period the index keeps' : `the first period kept after ${subscription.afterPeriod}`;
      process.stdout.write(
        `Subscribed ${subscription.id}: ${subscription.program} changes to ${subscription.url}, from ${from}.\n` +
          `Signing secret (shown once, not stored; give it to the receiver): ${secret}\n`,
      );
      return 0;
    }
    if (command === 'list') {
      for (const subscription of await store.subscriptions()) {
        const counts = Object.fromEntries(DELIVERY_STATES.map((state) => [state, 0]));
        for (const delivery of await store.deliveries(subscription.id)) counts[delivery.state] = (counts[delivery.state] ?? 0) + 1;
        const scope = [subscription.programmes && `programmes ${subscription.programmes}`, subscription.regions && `regions ${subscription.regions}`].filter(Boolean).join(', ');
        process.stdout.write(
          `${subscription.id}  ${subscription.removedAt ? `removed ${subscription.removedAt}` : 'active'}  ${subscription.organisation} (${subscription.roles}${scope ? `; ${scope}` : ''})  ` +
            `${subscription.program} → ${subscription.url}  pages: ${DELIVERY_STATES.map((state) => `${counts[state]} ${state}`).join(', ')}\n`,
        );
      }
      return 0;
    }
    if (!values.id) {
      process.stderr.write(`${command} needs --id.\n`);
      return 2;
    }
    if (command === 'remove') {
      const removed = await store.removeSubscription(values.id, new Date().toISOString());
      process.stdout.write(removed ? `Removed ${values.id}: nothing more is sent to it.\n` : `No active subscription ${values.id}.\n`);
      return removed ? 0 : 1;
    }
    if (values.period !== undefined && !isPeriod(values.period)) {
      process.stderr.write(`--period must be YYYY-MM, got "${values.period}".\n`);
      return 2;
    }
    const pages = await store.redeliver(values.id, values.period ?? null);
    process.stdout.write(`${pages} failed page(s) of ${values.id} will be sent again at the gateway's next poll.\n`);
    return 0;
  } catch (error) {
    if (error instanceof SubscriptionError) {
      process.stderr.write(`Not subscribed: ${error.message}.\n`);
      return 2;
    }
    throw error;
  } finally {
    await closeStore(dataSource);
  }
}

runCommand('webhooks', main);
