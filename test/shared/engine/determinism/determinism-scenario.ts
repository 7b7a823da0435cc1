/** A scenario that exercises most of the engine (two versions, clients, leaks, faults, key rotation, deletion). */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../../support/run-scenario.ts';
import type { Scenario } from '../../../../shared/scenario/scenario-types.ts';

export const BUSY_YAML = `name: busy
seed: 3
duration: 4h
flows:
  - id: legacy
    kubernetesVersion: "1.20"
  - id: projected
    kubernetesVersion: "1.30"
    apiServer:
      extendTokenExpiration: false
  - id: newest
    kubernetesVersion: "1.33"
steps:
  - at: 0s
    kubectl: create serviceaccount my-app
  - at: 0s
    apply: |
      apiVersion: v1
      kind: Pod
      metadata:
        name: app
      spec:
        serviceAccountName: my-app
        containers:
          - name: app
            image: nginx:stable
  - at: 0s
    apply: |
      apiVersion: v1
      kind: Pod
      metadata:
        name: other
      spec:
        serviceAccountName: my-app
        containers:
          - name: app
            image: nginx:stable
  - at: 1m
    client: {pod: app, reads: every-minute, callEvery: 2m}
  - at: 1m
    client: {pod: other, reads: on-401, callEvery: 7m, name: retry}
  - at: 20m
    leak: {pod: app, replayEvery: 9m}
  - at: 25m
    kubectl: create token my-app --duration 20m
  - at: 45m
    fault: apiserver-stop
    flows: [projected]
  - at: 70m
    fault: apiserver-start
    flows: [projected]
  - at: 80m
    fault: rotate-signing-key
  - at: 100m
    kubectl: delete pod other --grace-period=120
  - at: 2h
    fault: kubelet-stop
    flows: [newest]
  - at: 3h
    fault: kubelet-start
    flows: [newest]
`;

export function busyScenario(seed?: number): Scenario {
  const scenario = loadScenario(BUSY_YAML);
  return seed === undefined ? scenario : { ...scenario, seed };
}

export function sideBySideScenario(seed?: number): Scenario {
  const scenario = loadScenario(readFileSync(new URL('../../../../assets/scenarios/side-by-side.yaml', import.meta.url), 'utf8'));
  return seed === undefined ? scenario : { ...scenario, seed };
}
