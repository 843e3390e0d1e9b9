import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './manifests';

export const COMPOSE_FILE = path.join(ROOT, 'docker-compose.yml');

export interface ComposeService {
  readonly image?: string;
  readonly command?: string[];
  readonly restart?: string;
  readonly environment?: Record<string, string>;
  readonly depends_on?: Record<string, { condition: string }>;
  readonly volumes?: string[];
  readonly ports?: string[];
}

/**
 * docker-compose.yml as Compose reads it: YAML anchors and merge keys applied, then in every value
 * `${NAME}`, `${NAME:-default}` and `${NAME:?message}` replaced from `env` (a required one missing
 * throws its message).
 */
export function readCompose(env: Readonly<Record<string, string>>): { services: Record<string, ComposeService> } {
  const interpolate = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_match, name: string, operator?: string, argument = '') => {
        const variable = env[name] ?? '';
        if (variable !== '') return variable;
        if (operator === '?') throw new Error(`docker-compose.yml: ${argument}`);
        return operator === '-' ? argument : '';
      });
    }
    if (Array.isArray(value)) return value.map(interpolate);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, interpolate(entry)]));
    return value;
  };
  return interpolate(parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true })) as { services: Record<string, ComposeService> };
}
