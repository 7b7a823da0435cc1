/**
 * The benchmarks' big scenario: PODS pods (one a second from 0 s) on each of two flows, 1.20 (legacy Secret tokens)
 * and 1.30 (projected tokens the kubelet rotates), over DAYS simulated days. BENCH_PODS and BENCH_DAYS shrink it
 * when trying a bench out; the figures in docs/benchmarks.md are for the defaults, 1,000 pods over 7 days.
 *
 * It is a thousand steps, SCENARIO_MAX_STEPS, because the ServiceAccount is applied with the first pod. It is bigger
 * than a scenario may be in every other way: five times SCENARIO_MAX_PODS, and about 630,000 events and 210,000
 * tokens, more than a run may log. So the benches read and run it under BENCH_BUDGETS, passed to parseScenario and
 * EngineSession the way nothing else does (the app and the CLI always use the defaults).
 */
import type { ScenarioBudgets } from '../../shared/limits/input-budgets.ts';

export const PODS = Number(process.env.BENCH_PODS ?? 1000);
export const DAYS = Number(process.env.BENCH_DAYS ?? 7);
export const DAY_MS = 86_400_000;

/** Room for the whole run: PODS pods, and a tenth more events and tokens than a week of them makes. */
export const BENCH_BUDGETS: ScenarioBudgets = { pods: PODS, events: Math.ceil(PODS * DAYS * 100), tokens: Math.ceil(PODS * DAYS * 35) };

const SERVICE_ACCOUNT = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: my-app\n---\n';
const pod = (i: number) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app-${i}\nspec:\n  serviceAccountName: my-app\n  containers:\n    - name: app\n      image: nginx:stable\n`;
const indent = (text: string) => text.replace(/^(?=.)/gm, '      ');

export function manyPodsScenario(): string {
  const step = (i: number) => `  - at: ${i}s\n    apply: |\n${indent((i === 0 ? SERVICE_ACCOUNT : '') + pod(i))}`;
  return ['name: engine-bench', 'seed: 1', `duration: ${DAYS}d`, 'flows:', '  - id: legacy', '    kubernetesVersion: "1.20"', '  - id: projected', '    kubernetesVersion: "1.30"', 'steps:', ...Array.from({ length: PODS }, (_, i) => step(i))].join('\n');
}
