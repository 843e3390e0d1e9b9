import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { encodePrincipal, signRequest } from '../../common/auth/signature';
import type { PrincipalContext } from './admission-plugin';

/**
 * Signs every subgraph request of a request with a principal, as our gateway's signing fetch does:
 * `onFetch` sees the body as it will be sent, so the HMAC covers those exact bytes. A request
 * without a principal goes out unsigned and the subgraph refuses it.
 */
export function signingPlugin(secret: string): GatewayPlugin<PrincipalContext> {
  return {
    onFetch({ context, options, setOptions }) {
      const principal = 'principal' in context ? context.principal : undefined;
      if (!principal) return;
      const body = typeof options.body === 'string' ? options.body : '';
      const headers = new Headers(options.headers as HeadersInit | undefined);
      for (const [name, value] of Object.entries(signRequest(secret, encodePrincipal(principal), body))) headers.set(name, value);
      setOptions({ ...options, headers: Object.fromEntries(headers) });
    },
  };
}
