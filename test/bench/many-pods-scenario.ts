/**
 * The benchmarks' big scenario: PODS pods (one a second from 0 s) on each of two flows, 1.20 (legacy Secret tokens)
 * and 1.30 (projected tokens the kubelet rotates), over DAYS simulated days. BENCH_PODS and BENCH_DAYS shrink it
 * when trying a bench out; the figures in docs/benchmarks.md are for the defaults, 1,000 pods over 7 days.
 */
export const PODS = Number(process.env.BENCH_PODS ?? 1000);
export const DAYS = Number(process.env.BENCH_DAYS ?? 7);
export const DAY_MS = 86_400_000;

export function manyPodsScenario(): string {
  const pod = (i: number) => `  - at: ${i}s\n    apply: |\n      apiVersion: v1\n      kind: Pod\n      metadata:\n        name: app-${i}\n      spec:\n        serviceAccountName: my-app\n        containers:\n          - name: app\n            image: nginx:stable\n`;
  return [
    'name: engine-bench',
    'seed: 1',
    `duration: ${DAYS}d`,
    'flows:',
    '  - id: legacy',
    '    kubernetesVersion: "1.20"',
    '  - id: projected',
    '    kubernetesVersion: "1.30"',
    'steps:',
    '  - at: 0s',
    '    kubectl: create serviceaccount my-app',
    ...Array.from({ length: PODS }, (_, i) => pod(i)),
  ].join('\n');
}
