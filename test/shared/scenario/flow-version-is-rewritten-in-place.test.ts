/** The flow version picker's edit of the scenario text: one flow's version, quoted, everything else as written. */
import { describe, expect, it } from 'vitest';
import { setFlowVersion } from '../../../shared/scenario/scenario-flow-version.ts';

const TEXT = `# a scenario with comments
name: n
duration: 1h
flows:
  - id: legacy
    kubernetesVersion: "1.20"
  - id: projected
    label: the modern one
    kubernetesVersion: 1.30   # unquoted, as some authors write it
    apiServer:
      extendTokenExpiration: false
steps: []
`;

describe('setFlowVersion', () => {
  it('changes only that flow\'s version, quoted, keeping comments and the other flow', () => {
    const result = setFlowVersion(TEXT, 'projected', '1.36');
    if (!result.ok) throw new Error(result.errors[0]?.message);
    expect(result.value.text).toBe(TEXT.replace('kubernetesVersion: 1.30   #', 'kubernetesVersion: "1.36" #'));
    expect(result.value.scenario.flows.map((f) => f.kubernetesVersion)).toEqual(['1.20', '1.36']);
  });

  it('a flow id that is not there', () => {
    expect(setFlowVersion(TEXT, 'ghost', '1.36')).toEqual({ ok: false, errors: [{ message: 'the scenario has no flow "ghost"' }] });
  });

  it('a version the flow cannot start on comes back as the parser\'s error', () => {
    const signer = TEXT.replace('      extendTokenExpiration: false\n', '      externalSigner: {maxTokenExpiration: 2h}\n').replace('1.30   #', '"1.35"   #');
    const result = setFlowVersion(signer, 'projected', '1.33');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors[0]?.message).toMatch(/^flows\[1\]\.apiServer\.externalSigner: kube-apiserver would not start: an external signer needs/);
  });

  it('a scenario that does not parse is left alone', () => {
    expect(setFlowVersion('flows: [', 'projected', '1.36').ok).toBe(false);
  });
});
