import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseRuleSet } from './parse-rule-set';
import type { RuleSet } from './rule-set-types';

export type * from './rule-set-types';
export { parseRuleSet } from './parse-rule-set';

/** Where the versioned rule sets live: rule-set-<version>.json next to this module. */
export const RULE_SET_DIRECTORY = __dirname;

const FILE_PATTERN = /^rule-set-(.+)\.json$/;
const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Versions with a file in `directory`. */
export function knownRuleSetVersions(directory = RULE_SET_DIRECTORY): string[] {
  return readdirSync(directory)
    .map((name) => FILE_PATTERN.exec(name)?.[1])
    .filter((version): version is string => version !== undefined)
    .sort();
}

/**
 * The rule set of `version`, validated and frozen. Fails with a message naming the version and the
 * file: unknown version, unreadable JSON, a missing/unknown/out-of-range parameter, or a file whose
 * own `version` differs from its name.
 */
export function loadRuleSet(version: string, directory = RULE_SET_DIRECTORY): RuleSet {
  if (!VERSION_PATTERN.test(version)) throw new Error(`Rule set version "${version}" is not a valid version name`);
  const file = path.join(directory, `rule-set-${version}.json`);
  if (!existsSync(file)) {
    const known = knownRuleSetVersions(directory);
    throw new Error(`Unknown rule set "${version}": no ${file} (known: ${known.length > 0 ? known.join(', ') : 'none'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Rule set "${version}" (${file}) is not valid JSON: ${(error as Error).message}`);
  }
  let ruleSet: RuleSet;
  try {
    ruleSet = parseRuleSet(json);
  } catch (error) {
    throw new Error(`Rule set "${version}" (${file}) is malformed: ${(error as Error).message}`);
  }
  if (ruleSet.version !== version) {
    throw new Error(`Rule set "${version}" (${file}) is malformed: ruleSet.version is "${ruleSet.version}"`);
  }
  return ruleSet;
}
