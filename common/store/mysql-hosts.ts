import { lookup, type LookupAddress } from 'node:dns';
import net from 'node:net';

/**
 * How long a connection attempt waits for one server of a host list before it tries the next: a
 * refused connection (a server process gone) moves on at once; this bounds a server whose machine
 * is gone and answers nothing.
 */
const ATTEMPT_TIMEOUT_MS = 1_000;

/**
 * The servers a MySQL store URL names: `mysql://user@db1,db2,db3:3306/db` names the nodes of a
 * cluster (MariaDB Galera), all on one port; a plain URL names one.
 */
export function mysqlHostsOf(hostname: string): string[] {
  const hosts = hostname.split(',').map((host) => host.trim());
  if (hosts.some((host) => host === '')) throw new Error('A mysql: store URL names its servers as host or host1,host2,host3 (no empty names)');
  return hosts;
}

/** Every address of every host, in the order the hosts are given. */
function addressesOf(hosts: readonly string[]): net.LookupFunction {
  return (_hostname, options, callback) => {
    Promise.all(hosts.map((host) => new Promise<LookupAddress[]>((resolve, reject) => lookup(host, { all: true }, (error, found) => (error ? reject(error) : resolve(found))))))
      .then((found) => {
        const addresses = found.flat();
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]?.address ?? '', addresses[0]?.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, []));
  };
}

/**
 * mysql2's `stream` option for a host list: each new connection is opened to the first server of
 * the list that accepts it. Node tries the addresses one after the other itself (autoSelectFamily,
 * as it does for a name with several addresses), so a pool's connections to a lost node are
 * replaced by connections to the next one, and come back to the first once it accepts again.
 * Every client prefers the same node: writes then reach one node at a time, which keeps Galera's
 * certification conflicts (reported as deadlocks) away.
 */
export function firstAcceptingHost(hosts: readonly string[], port: number): () => net.Socket {
  const resolveAll = addressesOf(hosts);
  return () =>
    net.connect({
      // Not an address: Node would connect to an address at once, without asking the lookup for the others.
      host: hosts.join(','),
      port,
      lookup: resolveAll,
      autoSelectFamily: true,
      autoSelectFamilyAttemptTimeout: ATTEMPT_TIMEOUT_MS,
      noDelay: true,
      keepAlive: true,
    });
}
