import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './manifests';

const CHECK_CONF = path.join(ROOT, 'deploy', 'compose', 'nginx-check.conf');

/** NGINX_PATH, else nginx on the PATH or in /usr/sbin (Debian's nginx-light), where a user's PATH often does not look. */
function findNginx(): string | null {
  const candidates = process.env['NGINX_PATH'] ? [process.env['NGINX_PATH']] : ['nginx', '/usr/sbin/nginx'];
  return candidates.find((candidate) => spawnSync(candidate, ['-v']).status === 0) ?? null;
}

const nginx = findNginx();
const title = 'when nginx -t checks deploy/compose/nginx.conf (wrapped by nginx-check.conf), then it is valid';

describe("compose's load balancer (deploy/compose/nginx.conf)", () => {
  if (nginx === null) {
    // Reported as skipped with the reason in its name; .ci/run installs nginx-light and runs the same check itself.
    it.skip(`${title} [skipped: no nginx found (NGINX_PATH, PATH, /usr/sbin/nginx); apt-get install nginx-light]`, () => undefined);
    return;
  }

  it(title, () => {
    const prefix = mkdtempSync(path.join(tmpdir(), 'dtsen-nginx-'));
    try {
      const result = spawnSync(nginx, ['-t', '-e', 'stderr', '-p', `${prefix}/`, '-c', CHECK_CONF], { encoding: 'utf8' });

      expect({ status: result.status, output: result.stderr.trim().split('\n') }).toEqual({
        status: 0,
        output: [`nginx: the configuration file ${CHECK_CONF} syntax is ok`, `nginx: configuration file ${CHECK_CONF} test is successful`],
      });
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });
});
