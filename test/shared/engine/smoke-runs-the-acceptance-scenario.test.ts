import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { eventsOf, runYaml, singleFlow } from '../../support/run-scenario.ts';

describe('the acceptance scenario shape', () => {
  it('runs both flows and rejects a 5 minute token on 1.30 with the API server message', () => {
    const sim = runYaml(readFileSync(new URL('../../../assets/scenarios/side-by-side.yaml', import.meta.url), 'utf8'));
    const kubectl = eventsOf(sim, 'kubectl.ran', 'projected').find((e) => e.command.includes('--duration 5m'));
    expect(kubectl?.stderr).toBe(
      'error: failed to create token: TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes\n',
    );
    expect(eventsOf(sim, 'token.file-written', 'projected').length).toBeGreaterThan(1);
    expect(eventsOf(sim, 'token.file-written', 'legacy')).toHaveLength(1);
  });

  it('builds single-flow scenarios for tests', () => {
    const sim = runYaml(singleFlow({ version: '1.30', duration: '1h' }));
    expect(eventsOf(sim, 'pod.running', 'f')).toHaveLength(1);
  });
});
