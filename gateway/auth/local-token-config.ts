import { cleanEnv, str } from 'envalid';
import { readLocalSecrets } from '../../common/auth/local-secrets';
import { MIN_SECRET_LENGTH } from '../../common/auth/signature';
import { reportConfigErrors } from '../../common/config';
import { maxTokenLifetimeSecondsFrom, TOKEN_LIFETIME_SPECS } from './token-lifetime';

/**
 * The key local tokens are signed with: AUTH_JWT_SECRET, else the one `npm start` keeps in
 * DATA_DIR. Throws saying how to get one when there is neither.
 */
export function loadLocalTokenSecret(env: NodeJS.ProcessEnv = process.env): string {
  const parsed = cleanEnv(
    env,
    {
      AUTH_JWT_SECRET: str({ default: '', desc: 'HS256 secret of local tokens' }),
      DATA_DIR: str({ default: 'data', desc: 'Folder of the embedded stores and the local secrets' }),
    },
    { reporter: reportConfigErrors },
  );
  const secret = parsed.AUTH_JWT_SECRET || readLocalSecrets(parsed.DATA_DIR)?.AUTH_JWT_SECRET;
  if (!secret) throw new Error(`No token secret: set AUTH_JWT_SECRET, or run npm start once to make ${parsed.DATA_DIR}/local-secrets.json`);
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`AUTH_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  return secret;
}

/** AUTH_MAX_TOKEN_LIFETIME_HOURS as the gateway reads it, in seconds: `npm run token` makes no token the gateway would refuse. */
export function loadMaxTokenLifetimeSeconds(env: NodeJS.ProcessEnv = process.env): number {
  return maxTokenLifetimeSecondsFrom(cleanEnv(env, TOKEN_LIFETIME_SPECS, { reporter: reportConfigErrors }));
}
