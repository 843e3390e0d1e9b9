import { HOUSEHOLD_BY_KK } from './scenarios';

// Household look-ups through the gateway from a few clients, every answer classified and timed, so
// that the bench can say what clients saw before, during and after a database node was lost.

/** What a client got: the household as before the node was lost, a clean error (a register named unavailable), or anything else. */
export type Outcome = 'whole' | 'clean error' | 'broken';

export interface Answer {
  /** performance.now() when the answer came. */
  readonly at: number;
  readonly ms: number;
  readonly outcome: Outcome;
  readonly detail: string;
}

const CLEAN_CODES = new Set(['SOURCE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'OVERLOADED']);
const LEAKS = /ECONNREFUSED|PROTOCOL_CONNECTION_LOST|SELECT|INSERT|mysql|127\.0\.0\.\d|\bat .*\.[jt]s:\d+/i;
const ANSWER_TIMEOUT_MS = 30_000;

export interface LookupLoad {
  readonly answers: readonly Answer[];
  /** Stops the clients; resolves when their last requests are answered. */
  stop(): Promise<void>;
}

async function lookUp(url: string, token: string, noKK: string): Promise<{ status: number; body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: HOUSEHOLD_BY_KK, variables: { noKK } }),
    signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
}

/** Each KK's answer while every node is up: what every later answer must equal. */
export async function baselineAnswers(url: string, token: string, noKKs: readonly string[], clients: number): Promise<Map<string, string>> {
  const baseline = new Map<string, string>();
  const pending = [...noKKs];
  const client = async (): Promise<void> => {
    for (let noKK = pending.shift(); noKK !== undefined; noKK = pending.shift()) {
      const { status, body } = await lookUp(url, token, noKK);
      if (status !== 200 || body.errors || !body.data) throw new Error(`The baseline look-up of a household failed: ${status} ${JSON.stringify(body).slice(0, 300)}`);
      baseline.set(noKK, JSON.stringify(body));
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return baseline;
}

/** `clients` clients, each looking up the next KK as soon as its last answer came, until stopped. */
export function startLookupLoad(url: string, token: string, baseline: ReadonlyMap<string, string>, clients: number): LookupLoad {
  const answers: Answer[] = [];
  const keys = [...baseline.keys()];
  let next = 0;
  let stopped = false;
  const client = async (): Promise<void> => {
    while (!stopped) {
      const noKK = keys[next % keys.length] as string;
      next += 1;
      const sent = performance.now();
      let outcome: Outcome;
      let detail = '';
      try {
        const { status, body } = await lookUp(url, token, noKK);
        const text = JSON.stringify(body);
        if (status === 200 && !body.errors) {
          outcome = text === baseline.get(noKK) ? 'whole' : 'broken';
          if (outcome === 'broken') detail = `a different answer: ${text.slice(0, 300)}`;
        } else {
          const codes = (body.errors ?? []).map((error) => error.extensions?.code ?? '');
          const clean = codes.length > 0 && codes.every((code) => CLEAN_CODES.has(code)) && !LEAKS.test(text);
          outcome = clean ? 'clean error' : 'broken';
          detail = clean ? codes.join(',') : `${status} ${text.slice(0, 300)}`;
        }
      } catch (error) {
        outcome = 'broken';
        detail = `no answer: ${error instanceof Error ? error.message : String(error)}`;
      }
      const at = performance.now();
      answers.push({ at, ms: at - sent, outcome, detail });
    }
  };
  const running = Promise.all(Array.from({ length: clients }, client));
  return {
    answers,
    async stop() {
      stopped = true;
      await running;
    },
  };
}
