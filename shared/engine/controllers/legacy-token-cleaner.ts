/**
 * The legacy ServiceAccount token cleaner (`pkg/controller/serviceaccount/legacy_serviceaccount_token_cleaner.go`,
 * LegacyServiceAccountTokenCleanUp, beta 1.29): once a day it labels auto-generated token Secrets unused for a whole
 * clean-up period as invalid, and deletes those that stay invalid and unused for another period.
 */
import { versionBehaviour } from '../../model/versions.ts';
import { emit, simMsOfDate, utcDate, type EngineContext } from '../engine-context.ts';
import type { ClusterState } from '../engine-state.ts';
import { nextResourceVersion } from '../object-meta.ts';
import { INVALID_SINCE_LABEL, LAST_USED_LABEL } from '../api-server/authenticator.ts';
import { removeSecret } from '../api-server/secrets.ts';
import { tellInvalidated } from '../invalidation.ts';
import { SA_NAME_ANNOTATION, SA_UID_ANNOTATION, SERVICE_ACCOUNT_TOKEN_TYPE } from './tokens-controller.ts';

export const CLEANER_SYNC_INTERVAL_MS = 24 * 60 * 60 * 1000;
export const TRACKING_CONFIGMAP = 'kube-apiserver-legacy-service-account-token-tracking';

export function runLegacyTokenCleaner(ctx: EngineContext, cluster: ClusterState): void {
  if (!versionBehaviour(cluster.version).legacyTokenCleanUp) return;
  const since = cluster.configMaps[`kube-system/${TRACKING_CONFIGMAP}`]?.data?.['since'];
  // Upstream parses the date and does nothing when it cannot.
  if (!since || !isDate(since)) return;
  const nowMs = ctx.state.nowMs;
  const periodMs = cluster.flags.legacyTokenCleanUpPeriodSec * 1000;
  // Tracking data is trusted from the day after it started, and only once a whole period has been observed.
  const trackedSinceMs = simMsOfDate(ctx, since) + 24 * 60 * 60 * 1000;
  if (nowMs < trackedSinceMs + periodMs) return;
  const cutoffMs = nowMs - periodMs;
  const cutoffDate = utcDate(ctx, cutoffMs);
  const today = utcDate(ctx, nowMs);

  for (const [key, secret] of Object.entries(cluster.secrets)) {
    const object = secret.object;
    const meta = object.metadata ?? {};
    if (object.type !== SERVICE_ACCOUNT_TOKEN_TYPE || meta.deletionTimestamp) continue;
    if (Date.parse(meta.creationTimestamp ?? '') - ctx.scenario.startEpochMs >= cutoffMs) continue;
    const lastUsed = meta.labels?.[LAST_USED_LABEL];
    // A last-used label that does not parse leaves the Secret alone, as upstream skips it on the parse error.
    if (lastUsed !== undefined && (!isDate(lastUsed) || lastUsed >= cutoffDate)) continue;
    const namespace = meta.namespace ?? 'default';
    const sa = cluster.serviceAccounts[`${namespace}/${meta.annotations?.[SA_NAME_ANNOTATION] ?? ''}`];
    if (!sa) continue;
    const annotatedUid = meta.annotations?.[SA_UID_ANNOTATION];
    if (annotatedUid && annotatedUid !== sa.metadata?.uid) continue;
    if (!(sa.secrets ?? []).some((ref) => ref.name === meta.name)) continue;
    if (isReferencedByPod(cluster, namespace, meta.name ?? '')) continue;

    const invalidSince = meta.labels?.[INVALID_SINCE_LABEL];
    if (!invalidSince || !isDate(invalidSince)) {
      object.metadata = { ...meta, labels: { ...meta.labels, [INVALID_SINCE_LABEL]: today }, resourceVersion: nextResourceVersion(cluster) };
      emit(ctx, cluster.id, {
        type: 'secret.labelled',
        label: INVALID_SINCE_LABEL,
        value: today,
        message: `legacy token cleaner marked Secret ${namespace}/${meta.name} invalid`,
        cause: `auto-generated token unused since ${lastUsed ?? 'tracking began'}, longer than the clean-up period`,
        refs: { namespace, secret: meta.name },
      });
      if (secret.tokenIndex !== undefined) {
        tellInvalidated(ctx, cluster, [secret.tokenIndex], `the legacy token cleaner labelled Secret ${namespace}/${meta.name} ${INVALID_SINCE_LABEL}`);
      }
    } else if (invalidSince < cutoffDate) {
      removeSecret(ctx, cluster, key, `legacy token cleaner deleted it: marked invalid on ${invalidSince} and still unused a clean-up period later`);
    }
  }
}

/** `time.Parse("2006-01-02", s)`: exactly a real calendar date. */
function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}

function isReferencedByPod(cluster: ClusterState, namespace: string, secretName: string): boolean {
  return Object.values(cluster.pods).some(
    (p) =>
      p.object.metadata?.namespace === namespace &&
      ((p.object.spec?.volumes ?? []).some((v) => v.secret?.secretName === secretName) ||
        (p.object.spec?.containers ?? []).some((c) => (c.env ?? []).some((e) => e.valueFrom?.secretKeyRef?.name === secretName))),
  );
}
