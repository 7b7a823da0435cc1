/**
 * `kubectl auth whoami` (staging/src/k8s.io/kubectl/pkg/cmd/auth/whoami.go): a SelfSubjectReview, printed as an
 * ATTRIBUTE/VALUE table with a row for each non-empty field (Username, UID, Groups as Go prints a []string, one
 * `Extra: key` row per extra key), or as the object with -o yaml|json|name.
 *
 * The console talks to each flow as kubeadm's admin kubeconfig (`/etc/kubernetes/admin.conf`) does: a client
 * certificate with CN kubernetes-admin. Its organisation is system:masters until kubeadm 1.29, which moved admin.conf
 * to the kubeadm:cluster-admins group (bound to cluster-admin) and left system:masters to super-admin.conf
 * (KEP-4214). Certificates carry no UID and no extra; the authenticator adds system:authenticated.
 */
import { isAtLeast, versionBehaviour, type KubernetesVersion } from '../../model/versions.ts';
import type { OutputFormat } from '../../kubectl/kubectl-command.ts';
import { rfc3339, type EngineContext } from '../engine-context.ts';
import type { ClusterState } from '../engine-state.ts';
import { ok, type KubectlRun } from './kubectl-output.ts';
import { printJson, printYaml } from './object-printers.ts';
import { tabwrite, TABLE_TABWRITER } from './go-tabwriter.ts';

export function hasAuthWhoami(version: KubernetesVersion): boolean {
  return versionBehaviour(version).kubectlAuthWhoami;
}

export interface ConsoleUser {
  username: string;
  uid: string;
  groups: string[];
  extra: Record<string, string[]>;
}

export function consoleUser(version: KubernetesVersion): ConsoleUser {
  const organisation = isAtLeast(version, '1.29') ? 'kubeadm:cluster-admins' : 'system:masters';
  return { username: 'kubernetes-admin', uid: '', groups: [organisation, 'system:authenticated'], extra: {} };
}

export function runAuthWhoami(ctx: EngineContext, cluster: ClusterState, output: OutputFormat | undefined): KubectlRun {
  const user = consoleUser(cluster.version);
  if (output === 'yaml' || output === 'json' || output === 'name') {
    // kubectl 1.27 asks authentication.k8s.io/v1beta1 first; 1.28 (the API's GA) asks v1.
    const apiVersion = isAtLeast(cluster.version, '1.28') ? 'authentication.k8s.io/v1' : 'authentication.k8s.io/v1beta1';
    if (output === 'name') return ok('selfsubjectreview.authentication.k8s.io/\n');
    const userInfo = {
      username: user.username,
      ...(user.uid ? { uid: user.uid } : {}),
      ...(user.groups.length > 0 ? { groups: user.groups } : {}),
      ...(Object.keys(user.extra).length > 0 ? { extra: user.extra } : {}),
    };
    const review = { apiVersion, kind: 'SelfSubjectReview', metadata: { creationTimestamp: rfc3339(ctx, ctx.state.nowMs) }, status: { userInfo } };
    return ok(output === 'yaml' ? printYaml(review) : printJson(review));
  }
  let table = 'ATTRIBUTE\tVALUE\n';
  if (user.username) table += `Username\t${user.username}\n`;
  if (user.uid) table += `UID\t${user.uid}\n`;
  if (user.groups.length > 0) table += `Groups\t[${user.groups.join(' ')}]\n`;
  for (const key of Object.keys(user.extra).sort()) table += `Extra: ${key}\t[${user.extra[key]!.join(' ')}]\n`;
  return ok(tabwrite(table, TABLE_TABWRITER));
}
