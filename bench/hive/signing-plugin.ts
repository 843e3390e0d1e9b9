import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { encodePrincipal, signRequest } from '../../common/auth/signature';
import type { SigningKeys } from '../../common/auth/subgraph-keys';
import type { PrincipalContext } from './admission-plugin';

/** Each subgraph's key by its URL: the plugin sees the URL of a fetch, not the subgraph's name. */
export function signingKeysByUrl(urls: Readonly<Record<string, string>>, keys: SigningKeys): ReadonlyMap<string, string> {
  return new Map(Object.entries(urls).map(([subgraph, url]) => [url, keys(subgraph)]));
}

/**
 * Signs every subgraph request of a request with a principal, as our gateway's signing fetch does:
 * `onFetch` sees the body as it will be sent, so the HMAC covers those exact bytes, made with the
 * key of the subgraph at that URL. A request without a principal goes out unsigned and the
 * subgraph refuses it.
 */
export function signingPlugin(keysByUrl: ReadonlyMap<string, string>): GatewayPlugin<PrincipalContext> {
  return {
    onFetch({ url, context, options, setOptions }) {
      const principal = 'principal' in context ? context.principal : undefined;
      if (!principal) return;
      const secret = keysByUrl.get(url);
      if (secret === undefined) throw new Error(`No signing key for the subgraph at ${url}`);
      const body = typeof options.body === 'string' ? options.body : '';
      const headers = new Headers(options.headers as HeadersInit | undefined);
      for (const [name, value] of Object.entries(signRequest(secret, encodePrincipal(principal), body))) headers.set(name, value);
      setOptions({ ...options, headers: Object.fromEntries(headers) });
    },
  };
}
