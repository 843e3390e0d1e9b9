import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's package, which .ci/run installs. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const NOT_FOUND = 'no Chromium found; set CHROMIUM_PATH or apt-get install chromium';

/** What `npx playwright install chromium` left in its cache, newest first. */
function playwrightCacheChromium(): string | null {
  const cache = process.env['PLAYWRIGHT_BROWSERS_PATH'] ?? path.join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return null;
  const builds = readdirSync(cache)
    .filter((name) => /^chromium-\d+$/.test(name))
    .sort((a, b) => Number(b.slice('chromium-'.length)) - Number(a.slice('chromium-'.length)));
  for (const build of builds) {
    for (const folder of ['chrome-linux', 'chrome-linux64']) {
      const executable = path.join(cache, build, folder, 'chrome');
      if (existsSync(executable)) return executable;
    }
  }
  return null;
}

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH, else Debian's, else playwright's cache;
 * null when there is none. A CHROMIUM_PATH that names nothing is a mistake, not a missing browser.
 */
function findChromium(): string | null {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured !== undefined && configured !== '') {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH is ${configured}, which does not exist`);
    return configured;
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  return playwrightCacheChromium();
}

const CHROMIUM = findChromium();

export function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error(NOT_FOUND);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * `describe` for tests that drive a browser. Without a Chromium they are skipped, the reason in
 * the block's name, so that jest's report (and .ci/run's summary, where a skip is a failure) says
 * why.
 */
export function describeWithChromium(name: string, tests: () => void): void {
  if (CHROMIUM) describe(name, tests);
  else describe.skip(`${name} (skipped: ${NOT_FOUND})`, tests);
}
