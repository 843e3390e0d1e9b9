import { PRINCIPAL_HEADER, signRequest } from '../../common/auth/signature';
import type { TimedFetch } from '../source-data-source';

/**
 * Signs every subgraph request that carries a principal header: the HMAC covers the exact body
 * sent, so it is computed here, after the data source has serialised the request. A request
 * without a principal goes out unsigned and the subgraph refuses it.
 */
export function signingFetch(secret: string, fetcher: TimedFetch): TimedFetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    const principal = headers.get(PRINCIPAL_HEADER);
    if (principal !== null) {
      const body = typeof init?.body === 'string' ? init.body : '';
      for (const [name, value] of Object.entries(signRequest(secret, principal, body))) headers.set(name, value);
    }
    return fetcher(input, { ...init, headers });
  };
}
