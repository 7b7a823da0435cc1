/**
 * The flow version picker's edit: one flow's `kubernetesVersion` rewritten in the scenario text (quoted, since YAML
 * would read an unquoted 1.30 as the number 1.3), so a saved scenario remembers the release it was rerun on.
 */
import { isMap, isScalar, isSeq, Scalar } from 'yaml';
import type { KubernetesVersion } from '../model/versions.ts';
import type { ParseResult } from './scenario-types.ts';
import { rewriteScenario, type RewrittenScenario } from './rewrite-scenario.ts';

export function setFlowVersion(scenarioText: string, flowId: string, version: KubernetesVersion): ParseResult<RewrittenScenario> {
  return rewriteScenario(scenarioText, 'flow versions', (doc) => {
    const flows = doc.get('flows', true);
    if (!isSeq(flows)) return 'the scenario has no list of flows';
    const flow = flows.items.find((item) => {
      if (!isMap(item)) return false;
      const id = item.get('id', true);
      return isScalar(id) && String(id.type === 'PLAIN' && id.source !== undefined ? id.source : id.value) === flowId;
    });
    if (!isMap(flow)) return `the scenario has no flow ${JSON.stringify(flowId)}`;
    // The existing scalar is changed rather than replaced, so a comment written after it stays.
    const current = flow.get('kubernetesVersion', true);
    const value = isScalar(current) ? current : new Scalar(version);
    value.value = version;
    value.type = 'QUOTE_DOUBLE';
    if (value !== current) flow.set('kubernetesVersion', value);
    return undefined;
  });
}
