// `npm run token -- --role analyst [--region 31.72] [--programme PBI_JK] [--purpose "…"]`: prints a
// local token the gateway accepts when it runs with the same secret (npm start's, or AUTH_JWT_SECRET).
import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { isRole, ROLES } from '../common/auth/principal';
import { runCommand } from '../common/cli';
import { isProgramme, type Programme } from '../common/programmes';
import { loadLocalTokenSecret, loadMaxTokenLifetimeSeconds } from '../gateway/auth/local-token-config';
import { localRoleToken } from '../gateway/auth/role-tokens';
import { tokenLifetimeProblem } from '../gateway/auth/token-lifetime';

const USAGE = `Usage: npm run token -- --role ROLE [--region PREFIX]... [--programme PROGRAMME]...
                        [--purpose TEXT] [--subject ID] [--organisation NAME] [--expires 12h]

Roles: ${ROLES.join(', ')}. A caseworker or verifier token is limited to regions (default 31.71), a partner
token to programmes (default PBI_JK). Signed with AUTH_JWT_SECRET, else with the secret npm start
keeps in DATA_DIR/local-secrets.json. --expires at most AUTH_MAX_TOKEN_LIFETIME_HOURS (default 12h).`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      region: { type: 'string', multiple: true },
      programme: { type: 'string', multiple: true },
      purpose: { type: 'string' },
      subject: { type: 'string' },
      organisation: { type: 'string' },
      expires: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const badProgramme = values.programme?.find((programme) => !isProgramme(programme));
  if (!isRole(values.role) || badProgramme !== undefined) {
    process.stderr.write(`${values.role === undefined ? '' : `Unknown role or programme.\n`}${USAGE}\n`);
    return 2;
  }
  const token = await localRoleToken(loadLocalTokenSecret(), {
    role: values.role,
    ...(values.region ? { regions: values.region } : {}),
    ...(values.programme ? { programmes: values.programme as Programme[] } : {}),
    ...(values.purpose ? { purpose: values.purpose } : {}),
    ...(values.subject ? { subject: values.subject } : {}),
    ...(values.organisation ? { organisation: values.organisation } : {}),
    ...(values.expires ? { expiresIn: values.expires } : {}),
  });
  const tooLong = tokenLifetimeProblem(decodeJwt(token), loadMaxTokenLifetimeSeconds());
  if (tooLong !== null) {
    process.stderr.write(`The gateway would refuse this token: ${tooLong} (AUTH_MAX_TOKEN_LIFETIME_HOURS).\n`);
    return 2;
  }
  process.stdout.write(`${token}\n`);
  return 0;
}

runCommand('token', main);
