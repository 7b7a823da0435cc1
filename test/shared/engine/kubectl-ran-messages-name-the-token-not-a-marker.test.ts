import { describe, expect, it } from 'vitest';
import { eventsOf, runYaml, singleFlow } from '../../support/run-scenario.ts';

describe('kubectl.ran event messages', () => {
  it('name the printed token ("the JWT of token #N") instead of showing the internal marker', () => {
    const sim = runYaml(singleFlow({ version: '1.30', duration: '10m', pod: false, steps: '  - at: 1m\n    kubectl: create token my-app\n' }));
    const ran = eventsOf(sim, 'kubectl.ran', 'f').find((e) => e.command === 'create token my-app');
    const token = sim.tokens[ran!.token!]!;
    expect(ran!.message).toBe(`$ kubectl create token my-app → the JWT of token #${token.number}`);
    expect(ran!.stdout).toBe(`{{jwt:${token.index}}}\n`);
  });
});
