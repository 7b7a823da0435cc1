import { describe, expect, it } from 'vitest';
import { parseKubectl } from '../../../shared/kubectl/parse-kubectl.ts';

const CTX = { kubectlCreateToken: true, nodeBoundTokens: true };

describe('the shapes commands take in slides and docs run as the command they show', () => {
  it.each(['$ kubectl get pods -n team', '$ k get pods -n team', 'k get pods -n team', '  $   kubectl get pods -n team'])('%j', (line) => {
    expect(parseKubectl(line, CTX)).toEqual({ ok: true, command: { verb: 'get', resource: 'pod', namespace: 'team' } });
  });

  it('a prompt alone is the empty command, as Enter on an empty line is', () => {
    expect(parseKubectl('$', CTX)).toEqual(parseKubectl('', CTX));
  });

  it('errors after a copied prompt still point at the word in the line as typed', () => {
    expect(parseKubectl('$ kubectl get pods -o bogus', CTX)).toMatchObject({ ok: false, column: 20 });
  });
});
