import { isDeepStrictEqual } from 'node:util';
import type { LoadRequest } from './load';

export interface CheckTarget {
  /** Names the target in the error. */
  readonly name: string;
  readonly url: string;
}

/** Cursors are sealed with a fresh nonce each time (docs/security.md), so two answers of one page never share one. */
const SEALED_CURSOR_KEYS = new Set(['endCursor', 'startCursor', 'cursor']);

function withoutCursorValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCursorValues);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, SEALED_CURSOR_KEYS.has(key) && typeof item === 'string' ? '<sealed cursor>' : withoutCursorValues(item)]),
  );
}

async function answerOf(scenario: string, target: CheckTarget, { body, headers }: LoadRequest): Promise<unknown> {
  const response = await fetch(target.url, { method: 'POST', headers, body });
  const answer = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (!response.ok || answer.errors || !answer.data) {
    throw new Error(`${scenario} through ${target.name}: the check request was answered ${response.status} ${JSON.stringify(answer.errors ?? answer).slice(0, 500)}`);
  }
  return withoutCursorValues(answer.data);
}

/** Where two JSON values first differ, as a path (`household.members[2].age`); null when they are equal. */
export function firstDifference(actual: unknown, expected: unknown, path = ''): string | null {
  if (isDeepStrictEqual(actual, expected)) return null;
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) return `${path} (${actual.length} items against ${expected.length})`;
    for (const [index, item] of actual.entries()) {
      const difference = firstDifference(item, expected[index], `${path}[${index}]`);
      if (difference) return difference;
    }
  } else if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    for (const key of new Set([...Object.keys(actual), ...Object.keys(expected)])) {
      const difference = firstDifference((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`);
      if (difference) return difference;
    }
  }
  return `${path}: ${JSON.stringify(actual)?.slice(0, 200)} against ${JSON.stringify(expected)?.slice(0, 200)}`;
}

/**
 * One request of a scenario, before its runs, sent to every target: a benchmark of error answers
 * measures nothing, and gateways that answer the same request differently are not doing the same
 * work. Throws unless every target answers without errors and with the same data as the first.
 */
export async function checkAnswers(scenario: string, request: LoadRequest, targets: readonly CheckTarget[]): Promise<void> {
  const [first, ...others] = targets;
  if (!first) return;
  const expected = await answerOf(scenario, first, request);
  for (const target of others) {
    const difference = firstDifference(await answerOf(scenario, target, request), expected);
    if (difference !== null) throw new Error(`${scenario}: ${target.name} answered other data than ${first.name}, first at ${difference}`);
  }
}
