import type { IIoK8sApimachineryPkgApisMetaV1LabelSelector as LabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';
import type { INetworkPolicyPeer, INetworkPolicyPort, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';

/**
 * One end of a connection: a pod (its namespace and labels, and its named container ports) or an
 * address outside the cluster (a managed database, Redis, the identity provider, a DNS server).
 */
export type Endpoint =
  | { readonly namespace: string; readonly labels: Readonly<Record<string, string>>; readonly ports?: readonly { name?: string; containerPort: number }[] }
  | { readonly outsideCluster: true };

export interface Connection {
  readonly port: number;
  readonly protocol?: 'TCP' | 'UDP';
}

/** Label selector semantics: matchLabels and matchExpressions, all of them; an empty selector selects everything. */
export function selects(selector: LabelSelector | undefined, labels: Readonly<Record<string, string>>): boolean {
  const byLabel = Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpression = (selector?.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In':
        return labels[key] !== undefined && values.includes(labels[key]);
      case 'NotIn':
        return labels[key] === undefined || !values.includes(labels[key]);
      case 'Exists':
        return key in labels;
      case 'DoesNotExist':
        return !(key in labels);
      default:
        throw new Error(`unknown selector operator ${operator}`);
    }
  });
  return byLabel && byExpression;
}

/**
 * A rule's peer against an endpoint: pod and namespace selectors select pods (a peer without a
 * namespace selector, those of the policy's own namespace); an ipBlock is taken to cover every
 * address outside the cluster (its CIDR is not checked).
 */
function peerMatches(peer: INetworkPolicyPeer, endpoint: Endpoint, policyNamespace: string): boolean {
  if ('outsideCluster' in endpoint) return peer.ipBlock !== undefined;
  if (peer.ipBlock) return false;
  const namespaceSelected = peer.namespaceSelector
    ? selects(peer.namespaceSelector, { 'kubernetes.io/metadata.name': endpoint.namespace })
    : endpoint.namespace === policyNamespace;
  return namespaceSelected && selects(peer.podSelector, endpoint.labels);
}

/** A rule's ports against a connection to `target`; a named port is the target pod's container port of that name. */
function portMatches(ports: readonly INetworkPolicyPort[] | undefined, connection: Connection, target: Endpoint): boolean {
  if (!ports || ports.length === 0) return true;
  const named = 'outsideCluster' in target ? [] : (target.ports ?? []);
  return ports.some(({ port, endPort, protocol = 'TCP' }) => {
    if (protocol !== (connection.protocol ?? 'TCP')) return false;
    if (port === undefined) return true;
    if (typeof port === 'string') return named.some((candidate) => candidate.name === port && candidate.containerPort === connection.port);
    return connection.port >= port && connection.port <= (endPort ?? port);
  });
}

function policyTypes(policy: NetworkPolicy): readonly string[] {
  return policy.spec?.policyTypes ?? (policy.spec?.egress ? ['Ingress', 'Egress'] : ['Ingress']);
}

/**
 * Whether the policies of `namespace` let `from` open `connection` to `to`: the source's policies
 * must let it out (when the source is a pod of the namespace) and the target's let it in (when
 * the target is a pod of the namespace); a pod that no policy of that direction selects is open.
 */
export function allows(policies: readonly NetworkPolicy[], namespace: string, from: Endpoint, to: Endpoint, connection: Connection): boolean {
  const ruleAllows = (peers: readonly INetworkPolicyPeer[] | undefined, ports: readonly INetworkPolicyPort[] | undefined, peer: Endpoint) =>
    (!peers || peers.length === 0 || peers.some((candidate) => peerMatches(candidate, peer, namespace))) && portMatches(ports, connection, to);
  const passes = (endpoint: Endpoint, type: 'Ingress' | 'Egress', allowedBy: (policy: NetworkPolicy) => boolean) => {
    if ('outsideCluster' in endpoint || endpoint.namespace !== namespace) return true;
    const governing = policies.filter((policy) => policyTypes(policy).includes(type) && selects(policy.spec?.podSelector, endpoint.labels));
    return governing.length === 0 || governing.some(allowedBy);
  };
  return (
    passes(from, 'Egress', (policy) => (policy.spec?.egress ?? []).some((rule) => ruleAllows(rule.to, rule.ports, to))) &&
    passes(to, 'Ingress', (policy) => (policy.spec?.ingress ?? []).some((rule) => ruleAllows(rule.from, rule.ports, from)))
  );
}
