import { makeValidator } from 'envalid';
import { MIN_SECRET_LENGTH } from './signature';

/** `PRINCIPAL_SIGNING_SECRET`: the HMAC key gateway and subgraphs share; required, never defaulted. */
export const signingSecret = makeValidator((input: string) => {
  if (input.length < MIN_SECRET_LENGTH) throw new Error(`must be at least ${MIN_SECRET_LENGTH} characters`);
  return input;
});
