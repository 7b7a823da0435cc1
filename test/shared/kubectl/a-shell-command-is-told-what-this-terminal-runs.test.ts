import { describe, expect, it } from 'vitest';
import { parseKubectl } from '../../../shared/kubectl/parse-kubectl.ts';

const CTX = { kubectlCreateToken: true, nodeBoundTokens: true };

function stderrOf(line: string): string {
  const result = parseKubectl(line, CTX);
  if (result.ok) throw new Error('accepted');
  return result.stderr;
}

describe('a shell command typed without kubectl is answered for what it is', () => {
  it.each<[string, string]>([
    ['cat /var/run/secrets/kubernetes.io/serviceaccount/token', 'kubectl exec POD -- cat'],
    ['ls', 'kubectl exec POD -- cat'],
    ['echo $TOKEN', 'no shell variables'],
    ['jq -R . token', 'Paste token panel'],
    ['whoami', 'kubectl auth whoami'],
    ['sudo kubectl get pods', 'type the kubectl command alone'],
  ])('%j', (line, hint) => {
    const stderr = stderrOf(line);
    expect(stderr).toContain(`error: ${line.split(' ')[0]} is a shell command, and TokenScope's terminal runs only kubectl`);
    expect(stderr).toContain(hint);
    expect(stderr).not.toContain('Did you mean');
  });

  it('with kubectl typed in front, the answer stays kubectl’s own', () => {
    expect(stderrOf('kubectl cat token')).toBe('error: unknown command "cat" for "kubectl"\n\nDid you mean this?\n\tcp\n\tget\n\tset\n\twait\n');
  });

  it('a word that is neither kubectl’s nor a known shell command stays kubectl’s unknown command', () => {
    expect(stderrOf('gett pods')).toContain('error: unknown command "gett" for "kubectl"');
  });
});
