/**
 * Tab completion: commands, subcommands (with `create token` only where the flow's kubectl has it), resources,
 * flags and their values, object names of the selected flow in the namespace the line names, and bash's rules for
 * what Tab does with one candidate, several, or none.
 */
import { describe, expect, it } from 'vitest';
import {
  applyCompletion,
  commonPrefix,
  completeLine,
  formatListing,
  type CompletionContext,
} from '../../../../renderer/panels/console/console-completion.ts';
import type { ObjectKind, ObjectNames } from '../../../../renderer/panels/console/known-objects.ts';
import { lineWith, type LineState } from '../../../../renderer/panels/console/line-editor.ts';

const OBJECTS: Record<string, Partial<Record<ObjectKind, string[]>>> = {
  default: { pod: ['app', 'api-client'], serviceaccount: ['default', 'my-app'], secret: ['my-app-token-2vcmq'] },
  team: { pod: ['worker'], serviceaccount: ['builder'] },
};

const objects: ObjectNames = {
  names: (kind, namespace) => [...(OBJECTS[namespace]?.[kind] ?? [])].sort(),
  namespaces: () => Object.keys(OBJECTS).sort(),
};

const modern: CompletionContext = { objects, createToken: true, nodeBinding: true };
const legacy: CompletionContext = { objects, createToken: false, nodeBinding: false };

/** Candidates for the line with the cursor at its end. */
function candidates(line: string, ctx: CompletionContext = modern): string[] {
  return completeLine(line, line.length, ctx).candidates;
}

function tab(line: string, ctx: CompletionContext = modern): { line: string; listing?: string[] } {
  const state = lineWith(line);
  const { state: next, listing } = applyCompletion(state, completeLine(line, line.length, ctx));
  return listing === undefined ? { line: show(next) } : { line: show(next), listing };
}

function show(state: LineState): string {
  return `${state.text.slice(0, state.cursor)}|${state.text.slice(state.cursor)}`;
}

describe('completeLine: commands', () => {
  it('offers every command, plus clear and kubectl, on an empty line', () => {
    expect(candidates('')).toEqual(['apply', 'auth', 'clear', 'create', 'delete', 'describe', 'exec', 'get', 'help', 'kubectl']);
  });

  it('offers the same commands after an optional kubectl, without the shell words', () => {
    expect(candidates('kubectl ')).toEqual(['apply', 'auth', 'create', 'delete', 'describe', 'exec', 'get', 'help']);
  });

  it('completes after a copied $ prompt or the k alias as after kubectl, since both run', () => {
    for (const line of ['k ', '$ kubectl ', '$ k ']) {
      expect(candidates(line)).toEqual(['apply', 'auth', 'create', 'delete', 'describe', 'exec', 'get', 'help']);
    }
    expect(candidates('k get po')).toEqual(candidates('kubectl get po'));
  });

  it('narrows by what is typed', () => {
    expect(candidates('de')).toEqual(['delete', 'describe']);
    expect(candidates('kubectl g')).toEqual(['get']);
  });

  it('offers create token only where the flow has kubectl 1.24 or later', () => {
    expect(candidates('create ', modern)).toEqual(['serviceaccount', 'token']);
    expect(candidates('create ', legacy)).toEqual(['serviceaccount']);
  });

  it('offers whoami under auth, and command names as help topics', () => {
    expect(candidates('auth ')).toEqual(['whoami']);
    expect(candidates('help c')).toEqual(['create']);
  });
});

describe('completeLine: resources and names', () => {
  it('offers the resource types after get, describe and delete', () => {
    expect(candidates('get ')).toEqual(['pods', 'sa', 'secrets', 'serviceaccounts']);
    expect(candidates('describe se')).toEqual(['secret', 'secrets', 'serviceaccount', 'serviceaccounts']);
  });

  it("offers the flow's pods, ServiceAccounts and Secrets after their resource word (aliases too)", () => {
    expect(candidates('get pods ')).toEqual(['api-client', 'app']);
    expect(candidates('describe sa ')).toEqual(['default', 'my-app']);
    expect(candidates('get secret m')).toEqual(['my-app-token-2vcmq']);
  });

  it('completes the TYPE/NAME form', () => {
    expect(candidates('describe pod/a')).toEqual(['pod/api-client', 'pod/app']);
  });

  it('offers one name for get but several for delete, leaving out the names already typed', () => {
    expect(candidates('get pods app ')).toEqual([]);
    expect(candidates('delete pod app ')).toEqual(['api-client']);
  });

  it('looks names up in the namespace the line gives with -n or --namespace', () => {
    expect(candidates('get pods -n team ')).toEqual(['worker']);
    expect(candidates('create token --namespace=team ')).toEqual(['builder']);
    expect(candidates('get sa -n ')).toEqual(['default', 'team']);
  });

  it('offers ServiceAccounts to create token and pods to exec, and nothing after exec --', () => {
    expect(candidates('create token ')).toEqual(['default', 'my-app']);
    expect(candidates('exec ')).toEqual(['api-client', 'app']);
    expect(candidates('exec app -- ')).toEqual([]);
  });

  it('offers nothing for a resource type the simulator does not have', () => {
    expect(candidates('get deployments ')).toEqual([]);
  });
});

describe('completeLine: flags and values', () => {
  it("offers a command's own flags and the global ones", () => {
    expect(candidates('create token my-app --')).toEqual([
      '--audience', '--bound-object-kind', '--bound-object-name', '--bound-object-uid', '--duration', '--help', '--namespace', '--output',
    ]);
    expect(candidates('get pods --o')).toEqual(['--output']);
  });

  it('offers output formats for -o and --output=, each command its own', () => {
    expect(candidates('get pods -o ')).toEqual(['json', 'name', 'wide', 'yaml']);
    expect(candidates('create sa x -o ')).toEqual(['json', 'name', 'yaml']);
    expect(completeLine('get pods --output=y', 19, modern)).toEqual({ from: 18, to: 19, candidates: ['yaml'] });
  });

  it('offers Node as a bound object kind only where node binding exists', () => {
    expect(candidates('create token my-app --bound-object-kind ', modern)).toEqual(['Node', 'Pod', 'Secret']);
    expect(candidates('create token my-app --bound-object-kind ', { ...modern, nodeBinding: false })).toEqual(['Pod', 'Secret']);
  });

  it('offers the names of the bound object kind chosen earlier on the line', () => {
    expect(candidates('create token my-app --bound-object-kind Pod --bound-object-name ')).toEqual(['api-client', 'app']);
    expect(candidates('create token my-app --bound-object-kind Secret --bound-object-name ')).toEqual(['my-app-token-2vcmq']);
    expect(candidates('create token my-app --bound-object-name ')).toEqual([]);
  });

  it('suggests durations starting at the 10-minute floor, and nothing for free-text values', () => {
    expect(candidates('create token my-app --duration ')).toEqual(['10m', '1h', '24h']);
    expect(candidates('create token my-app --audience ')).toEqual([]);
    expect(candidates('apply -f ')).toEqual([]);
  });

  it('does not take a boolean flag as wanting a value', () => {
    expect(candidates('delete pod app --force ')).toEqual(['api-client']);
  });
});

describe('applyCompletion', () => {
  it('inserts a single candidate followed by a space', () => {
    expect(tab('kubectl cre')).toEqual({ line: 'kubectl create |' });
  });

  it('inserts the common prefix of several candidates', () => {
    expect(tab('get pods a')).toEqual({ line: 'get pods ap|' });
    expect(tab('get sec')).toEqual({ line: 'get secret|' });
    expect(tab('get servicea')).toEqual({ line: 'get serviceaccount|' });
  });

  it('lists the candidates when nothing more can be inserted', () => {
    expect(tab('de')).toEqual({ line: 'de|', listing: ['delete', 'describe'] });
  });

  it('leaves the line alone when nothing matches', () => {
    expect(tab('get nothing-like-this')).toEqual({ line: 'get nothing-like-this|' });
  });

  it('steps over the space already after the cursor instead of adding one', () => {
    const state = { ...lineWith('ge pods'), cursor: 2 };
    expect(show(applyCompletion(state, completeLine('ge pods', 2, modern)).state)).toBe('get |pods');
  });
});

describe('commonPrefix and formatListing', () => {
  it('finds the longest shared start', () => {
    expect(commonPrefix(['serviceaccount', 'serviceaccounts', 'secret'])).toBe('se');
    expect(commonPrefix([])).toBe('');
  });

  it('lays candidates out in columns that fit the terminal width', () => {
    expect(formatListing(['apply', 'create', 'delete', 'describe'], 24)).toEqual(['apply     create', 'delete    describe']);
    expect(formatListing(['a-very-long-candidate'], 5)).toEqual(['a-very-long-candidate']);
  });
});
