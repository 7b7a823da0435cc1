/**
 * Appends an issued token to the token log, indexes it by the objects whose deletion invalidates it, and schedules
 * the moment its `exp` passes.
 */
import type { EngineContext } from './engine-context.ts';
import { schedule } from './engine-context.ts';
import type { ClusterState, TokenRecord } from './engine-state.ts';

export function recordToken(ctx: EngineContext, cluster: ClusterState, token: Omit<TokenRecord, 'index' | 'number'>): TokenRecord {
  cluster.tokenCount += 1;
  const record = token as TokenRecord;
  record.index = ctx.tokens.length;
  record.number = cluster.tokenCount;
  ctx.tokens.push(record);
  addToIndex(cluster.tokensByServiceAccountUid, record.serviceAccountUid, record.index);
  if (record.boundObject) addToIndex(cluster.tokensByBoundUid, record.boundObject.uid, record.index);
  if (record.jwtExpiresAtMs !== undefined && record.jwtExpiresAtMs <= ctx.scenario.durationMs) {
    schedule(ctx, record.jwtExpiresAtMs, { kind: 'token-expiry', token: record.index });
  }
  return record;
}

function addToIndex(index: Record<string, number[]>, key: string, value: number): void {
  const list = index[key];
  if (list) list.push(value);
  else index[key] = [value];
}

export function tokenAt(ctx: EngineContext, index: number): TokenRecord {
  const token = ctx.tokens[index];
  if (!token) throw new Error(`internal: no token ${index}`);
  return token;
}

/** "token #3 (legacy)" — how events name a token for people. */
export function tokenLabel(token: TokenRecord): string {
  return `token #${token.number}`;
}
