import { PRINCIPAL_HEADER, signRequest } from '../common/auth/signature';
import type { TimedFetch } from './subgraph-fetch';

/**
 * Signs every subgraph request that carries a principal header: the HMAC covers the exact body
 * sent, so it is computed here, after the data source has serialised the request. A request
 * without a principal goes out unsigned and the subgraph refuses it.
 */
export function signingFetch(secret: string, fetcher: TimedFetch): TimedFetch {
  return (url, init = {}) => {
    const headers = init.headers ?? {};
    const principal = headers[PRINCIPAL_HEADER];
    if (principal === undefined) return fetcher(url, init);
    return fetcher(url, { ...init, headers: { ...headers, ...signRequest(secret, principal, init.body ?? '') } });
  };
}
