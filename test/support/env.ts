import { TEST_SIGNING_SECRET } from './principals';
import { TEST_JWT_SECRET } from './tokens';

/** The secrets every gateway configuration needs, for tests of its other settings. */
export const SECRETS_ENV: Readonly<Record<string, string>> = Object.freeze({
  AUTH_JWT_SECRET: TEST_JWT_SECRET,
  PRINCIPAL_SIGNING_SECRET: TEST_SIGNING_SECRET,
});
