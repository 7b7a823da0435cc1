import { describe, expect, it } from 'vitest';
import { parseKubectl } from '../../../shared/kubectl/parse-kubectl.ts';
import type { KubectlContext, KubectlParseResult } from '../../../shared/kubectl/parse-kubectl.ts';
import type { KubectlCommand } from '../../../shared/kubectl/kubectl-command.ts';

const MODERN: KubectlContext = { kubectlCreateToken: true, nodeBoundTokens: false };
const WITH_NODES: KubectlContext = { kubectlCreateToken: true, nodeBoundTokens: true };
const OLD: KubectlContext = { kubectlCreateToken: false, nodeBoundTokens: false };

function command(line: string, ctx: KubectlContext = MODERN): KubectlCommand {
  const result = parseKubectl(line, ctx);
  if (!result.ok) throw new Error(result.stderr);
  return result.command;
}

function failure(line: string, ctx: KubectlContext = MODERN): Extract<KubectlParseResult, { ok: false }> {
  const result = parseKubectl(line, ctx);
  if (result.ok) throw new Error(`expected ${line} to fail`);
  return result;
}

describe('kubectl create token builds the TokenRequest kubectl would send', () => {
  it.each<[string, KubectlCommand]>([
    ['kubectl create token my-app', { verb: 'create-token', serviceAccount: 'my-app', audiences: [] }],
    ['create token my-app --duration 5m', { verb: 'create-token', serviceAccount: 'my-app', audiences: [], expirationSec: 300 }],
    ['create token my-app --duration=1.5h', { verb: 'create-token', serviceAccount: 'my-app', audiences: [], expirationSec: 5400 }],
    ['create token my-app --duration 0', { verb: 'create-token', serviceAccount: 'my-app', audiences: [] }],
    ['create token my-app --duration 0s', { verb: 'create-token', serviceAccount: 'my-app', audiences: [] }],
    ['create token my-app --duration 8760h', { verb: 'create-token', serviceAccount: 'my-app', audiences: [], expirationSec: 31_536_000 }],
    // StringArray: repeatable and never split on commas.
    ['create token my-app --audience a,b --audience=vault', { verb: 'create-token', serviceAccount: 'my-app', audiences: ['a,b', 'vault'] }],
    ['create token my-app -n team -o yaml', { verb: 'create-token', serviceAccount: 'my-app', audiences: [], namespace: 'team', output: 'yaml' }],
    ['-n team create token my-app', { verb: 'create-token', serviceAccount: 'my-app', audiences: [], namespace: 'team' }],
    ['create token my-app --namespace=team --output=json', { verb: 'create-token', serviceAccount: 'my-app', audiences: [], namespace: 'team', output: 'json' }],
    ['create token my-app --bound-object-kind Pod --bound-object-name app', {
      verb: 'create-token', serviceAccount: 'my-app', audiences: [], boundObject: { kind: 'Pod', name: 'app' },
    }],
    ['create token my-app --bound-object-kind Secret --bound-object-name s --bound-object-uid 0d4691ed', {
      verb: 'create-token', serviceAccount: 'my-app', audiences: [], boundObject: { kind: 'Secret', name: 's', uid: '0d4691ed' },
    }],
    // NameFromCommandArgs counts only the words before `--`.
    ['create token my-app -- extra', { verb: 'create-token', serviceAccount: 'my-app', audiences: [] }],
    // An empty --namespace is ignored by clientcmd and falls back to the context's namespace.
    ["create token my-app -n ''", { verb: 'create-token', serviceAccount: 'my-app', audiences: [] }],
    ['create token "my app"', { verb: 'create-token', serviceAccount: 'my app', audiences: [] }],
  ])('%s', (line, expected) => {
    expect(command(line)).toEqual(expected);
  });

  it('accepts Node as a bound object kind only where kubectl does', () => {
    expect(command('create token my-app --bound-object-kind Node --bound-object-name worker-1', WITH_NODES)).toEqual({
      verb: 'create-token', serviceAccount: 'my-app', audiences: [], boundObject: { kind: 'Node', name: 'worker-1' },
    });
    expect(failure('create token my-app --bound-object-kind Node --bound-object-name worker-1').stderr).toBe('error: supported --bound-object-kind values are Pod, Secret\n');
  });
});

describe('kubectl create token client-side errors are exactly kubectl’s (create_token.go Validate, docs/kubernetes-facts.md §7)', () => {
  const USAGE = "\nSee 'kubectl create token -h' for help and examples\n";
  const FLAG_HELP = "\nSee 'kubectl create token --help' for usage.\n";
  it.each<[string, KubectlContext, string, number | undefined]>([
    ['create token', MODERN, `error: exactly one NAME is required, got 0${USAGE}`, undefined],
    ['create token a b', MODERN, `error: exactly one NAME is required, got 2${USAGE}`, 16],
    ['create token a b c', MODERN, `error: exactly one NAME is required, got 3${USAGE}`, 16],
    ["create token ''", MODERN, 'error: service account name is required\n', 14],
    ['create token a --duration=-1s', MODERN, 'error: --duration must be greater than or equal to 0\n', 16],
    ['create token a --duration 1ns', MODERN, 'error: --duration cannot be expressed in units less than seconds\n', 16],
    ['create token a --duration 1.5s', MODERN, 'error: --duration cannot be expressed in units less than seconds\n', 16],
    ['create token a --audience ""', MODERN, 'error: --audience must not be an empty string\n', 16],
    ['create token a --audience x --audience=', MODERN, 'error: --audience must not be an empty string\n', 29],
    ['create token a --bound-object-name app', MODERN, 'error: --bound-object-name can only be set if --bound-object-kind is provided\n', 16],
    ['create token a --bound-object-uid 123', MODERN, 'error: --bound-object-uid can only be set if --bound-object-kind is provided\n', 16],
    ['create token a --bound-object-kind ConfigMap --bound-object-name c', MODERN, 'error: supported --bound-object-kind values are Pod, Secret\n', 16],
    ['create token a --bound-object-kind pod --bound-object-name c', MODERN, 'error: supported --bound-object-kind values are Pod, Secret\n', 16],
    ['create token a --bound-object-kind ConfigMap --bound-object-name c', WITH_NODES, 'error: supported --bound-object-kind values are Node, Pod, Secret\n', 16],
    ['create token a --bound-object-kind Pod', MODERN, 'error: --bound-object-name is required if --bound-object-kind is provided\n', 16],
    // pflag errors, through the templater's FlagErrorFunc.
    ['create token a --duration 5x', MODERN, `error: invalid argument "5x" for "--duration" flag: time: unknown unit "x" in duration "5x"${FLAG_HELP}`, 16],
    ['create token a --duration 10', MODERN, `error: invalid argument "10" for "--duration" flag: time: missing unit in duration "10"${FLAG_HELP}`, 16],
    ['create token a --duration', MODERN, `error: flag needs an argument: --duration${FLAG_HELP}`, 16],
    ['create token a --foo', MODERN, `error: unknown flag: --foo${FLAG_HELP}`, 16],
    ['create token a -x', MODERN, `error: unknown shorthand flag: 'x' in -x${FLAG_HELP}`, 16],
    ['create token a -n', MODERN, `error: flag needs an argument: 'n' in -n${FLAG_HELP}`, 16],
    ['create token a ---duration 1h', MODERN, `error: bad flag syntax: ---duration${FLAG_HELP}`, 16],
    ['create token a -o wide', MODERN, 'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n', 16],
  ])('%s', (line, ctx, stderr, column) => {
    const result = failure(line, ctx);
    expect(result).toEqual(column === undefined ? { ok: false, stderr, exitCode: 1 } : { ok: false, stderr, exitCode: 1, column });
  });

  it('checks the name count before any flag value (Complete runs before Validate)', () => {
    expect(failure('create token --duration 1ns').stderr).toBe(`error: exactly one NAME is required, got 0${USAGE}`);
  });

  it('stops at the first bad flag, as pflag does', () => {
    expect(failure('create token a --duration 5x --foo').stderr).toMatch(/^error: invalid argument "5x"/);
    expect(failure('create token a --foo --duration 5x').stderr).toMatch(/^error: unknown flag: --foo/);
  });
});

describe('kubectl 1.20–1.23 has no create token', () => {
  // create.go Run: "Error: must specify one of -f and -k" then DefaultSubCommandRun → RequireNoArguments.
  it.each<[string, string, number]>([
    ['kubectl create token my-app', 'Error: must specify one of -f and -k\n\nerror: unknown command "token my-app"\nSee \'kubectl create -h\' for help and examples\n', 16],
    ['create token', 'Error: must specify one of -f and -k\n\nerror: unknown command "token"\nSee \'kubectl create -h\' for help and examples\n', 8],
    ['create token my-app -o yaml', 'Error: must specify one of -f and -k\n\nerror: unknown command "token my-app"\nSee \'kubectl create -h\' for help and examples\n', 8],
    // `create` itself has no --duration, so pflag fails first.
    ['create token my-app --duration 10m', "error: unknown flag: --duration\nSee 'kubectl create --help' for usage.\n", 21],
    ['create token my-app --audience vault', "error: unknown flag: --audience\nSee 'kubectl create --help' for usage.\n", 21],
  ])('%s', (line, stderr, column) => {
    const result = failure(line, OLD);
    expect(result.stderr).toBe(stderr);
    expect(result.exitCode).toBe(1);
    expect(result.column).toBe(column);
  });

  it('still has create serviceaccount', () => {
    expect(command('create sa my-app', OLD)).toEqual({ verb: 'create-serviceaccount', name: 'my-app' });
  });
});

describe('other commands parse to what the engine runs', () => {
  it.each<[string, KubectlCommand]>([
    ['create serviceaccount my-app', { verb: 'create-serviceaccount', name: 'my-app' }],
    ['create sa my-app -n team -o yaml', { verb: 'create-serviceaccount', name: 'my-app', namespace: 'team', output: 'yaml' }],
    ['get pods', { verb: 'get', resource: 'pod' }],
    ['get po', { verb: 'get', resource: 'pod' }],
    ['get Pod app', { verb: 'get', resource: 'pod', name: 'app' }],
    ['get sa my-app -o yaml', { verb: 'get', resource: 'serviceaccount', name: 'my-app', output: 'yaml' }],
    ['get serviceaccounts', { verb: 'get', resource: 'serviceaccount' }],
    ['get serviceaccount/my-app -ojson', { verb: 'get', resource: 'serviceaccount', name: 'my-app', output: 'json' }],
    ['get secrets -o name', { verb: 'get', resource: 'secret', output: 'name' }],
    ['get secret -n kube-system -o wide', { verb: 'get', resource: 'secret', namespace: 'kube-system', output: 'wide' }],
    ['get pods.v1', { verb: 'get', resource: 'pod' }],
    ['describe pod app', { verb: 'describe', resource: 'pod', name: 'app' }],
    ['describe sa', { verb: 'describe', resource: 'serviceaccount' }],
    ['delete pod app', { verb: 'delete', resource: 'pod', names: ['app'], force: false }],
    ['delete pods a b', { verb: 'delete', resource: 'pod', names: ['a', 'b'], force: false }],
    ['delete secret/s1 secret/s2', { verb: 'delete', resource: 'secret', names: ['s1', 's2'], force: false }],
    ['delete pod app --grace-period 30', { verb: 'delete', resource: 'pod', names: ['app'], force: false, gracePeriodSec: 30 }],
    ['delete pod app --grace-period=0x10', { verb: 'delete', resource: 'pod', names: ['app'], force: false, gracePeriodSec: 16 }],
    // --grace-period=0 without --force becomes 1 ("prevent accidental data loss").
    ['delete pod app --grace-period 0', { verb: 'delete', resource: 'pod', names: ['app'], force: false, gracePeriodSec: 1 }],
    ['delete pod app --now', { verb: 'delete', resource: 'pod', names: ['app'], force: false, gracePeriodSec: 1 }],
    ['delete sa my-app -n team', { verb: 'delete', resource: 'serviceaccount', names: ['my-app'], namespace: 'team', force: false }],
    ['apply -f pod.yaml', { verb: 'apply', file: 'pod.yaml' }],
    ['apply --filename=pod.yaml -n team', { verb: 'apply', file: 'pod.yaml', namespace: 'team' }],
    ['exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token', { verb: 'exec', pod: 'app', argv: ['cat', '/var/run/secrets/kubernetes.io/serviceaccount/token'] }],
    ['exec -it pod/app -c main -n team -- sh -c "cat token; echo"', { verb: 'exec', pod: 'app', container: 'main', namespace: 'team', argv: ['sh', '-c', 'cat token; echo'] }],
    ['auth whoami', { verb: 'auth-whoami' }],
    ['auth whoami -o yaml', { verb: 'auth-whoami', output: 'yaml' }],
    ['auth', { verb: 'help', topic: 'auth' }],
    ['help', { verb: 'help' }],
    ['help create token', { verb: 'help', topic: 'create token' }],
    ['create token -h', { verb: 'help', topic: 'create token' }],
    ['get pods --help', { verb: 'help', topic: 'get' }],
    ['kubectl --help', { verb: 'help' }],
    ['kubectl', { verb: 'help' }],
    ['', { verb: 'help' }],
    ['   # just a comment', { verb: 'help' }],
  ])('%s', (line, expected) => {
    expect(command(line)).toEqual(expected);
  });

  it('prints kubectl’s warnings for forced deletion and the deprecated exec form', () => {
    expect(parseKubectl('delete pod app --force', MODERN)).toEqual({
      ok: true,
      command: { verb: 'delete', resource: 'pod', names: ['app'], force: true, gracePeriodSec: 0 },
      warning: 'warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    });
    expect(parseKubectl('exec app cat token', MODERN)).toEqual({
      ok: true,
      command: { verb: 'exec', pod: 'app', argv: ['cat', 'token'] },
      warning: 'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n',
    });
  });
});

describe('kubectl-like errors elsewhere', () => {
  it.each<[string, string, number | undefined]>([
    ['foo', 'error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n', 1],
    ['kubectl gte pods', 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n', 9],
    ['crate sa x', 'error: unknown command "crate" for "kubectl"\n\nDid you mean this?\n\tcreate\n', 1],
    // Levenshtein ≤ 2 (cp, run) plus delete's SuggestFor ["rm"].
    ['rm pod app', 'error: unknown command "rm" for "kubectl"\n\nDid you mean this?\n\tcp\n\tdelete\n\trun\n', 1],
    ['xyzzy', 'error: unknown command "xyzzy" for "kubectl"\n', 1],
    ['get pods --foo', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n", 10],
    ['get', 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n', undefined],
    ['get foos', 'error: the server doesn\'t have a resource type "foos"\n', 5],
    ['get pod pod/app', "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n", 5],
    ['get pod/', 'error: arguments in resource/name form must have a single resource and name\n', 5],
    ['get pods -o jsonpath', 'error: TokenScope does not simulate -o jsonpath; use -o yaml, -o json, -o wide, -o name\n', 10],
    ['get pods -o table', 'error: unable to match a printer suitable for the output format "table", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n', 10],
    ['describe', 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n', undefined],
    ['describe pods -o yaml', "error: unknown shorthand flag: 'o' in -o\nSee 'kubectl describe --help' for usage.\n", 15],
    ['delete', "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n", undefined],
    ['delete pod', 'error: resource(s) were provided, but no name was specified\n', 8],
    ['delete pod app --now --grace-period 5', 'error: --now and --grace-period cannot be specified together\n', 16],
    ['delete pod app --force --grace-period 5', 'error: --force and --grace-period greater than 0 cannot be specified together\n', 16],
    ['delete pod app --grace-period soon', 'error: invalid argument "soon" for "--grace-period" flag: strconv.ParseInt: parsing "soon": invalid syntax\nSee \'kubectl delete --help\' for usage.\n', 16],
    ['delete pod app --force=maybe', 'error: invalid argument "maybe" for "--force" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kubectl delete --help\' for usage.\n', 16],
    ['apply', 'error: must specify one of -f and -k\n', undefined],
    ['apply pod.yaml', "error: Unexpected args: [pod.yaml]\nSee 'kubectl apply -h' for help and examples\n", 7],
    ['exec', 'error: pod, type/name or --filename must be specified\n', undefined],
    ['exec app', 'error: you must specify at least one command for the container\n', 6],
    ['exec app --', 'error: you must specify at least one command for the container\n', 6],
    ['auth whoami extra', "error: Unexpected args: [extra]\nSee 'kubectl auth whoami -h' for help and examples\n", 13],
    ['auth foo', "error: unknown command \"foo\"\nSee 'kubectl auth -h' for help and examples\n", 6],
    ['create foo bar', "Error: must specify one of -f and -k\n\nerror: unknown command \"foo bar\"\nSee 'kubectl create -h' for help and examples\n", 8],
    ['create serviceaccount', "error: exactly one NAME is required, got 0\nSee 'kubectl create serviceaccount -h' for help and examples\n", undefined],
    ["create sa ''", 'error: name must be specified\n', 11],
  ])('%s', (line, stderr, column) => {
    const result = failure(line);
    expect(result.stderr).toBe(stderr);
    expect(result.exitCode).toBe(1);
    expect(result.column).toBe(column);
  });

  it('names what the simulation does not run, instead of pretending it is unknown', () => {
    expect(failure('logs app').stderr).toBe('error: TokenScope does not simulate "kubectl logs"; it runs kubectl create serviceaccount, create token, get, describe, delete, apply, exec, auth whoami and help\n');
    expect(failure('create secret generic s').stderr).toMatch(/^error: TokenScope does not simulate "kubectl create secret"/);
    expect(failure('get configmaps').stderr).toBe('error: TokenScope does not simulate configmaps; kubectl get works on pods, secrets and serviceaccounts here\n');
    expect(failure('get pods -A')).toEqual({ ok: false, stderr: "error: TokenScope does not simulate kubectl get's --all-namespaces flag\n", exitCode: 1, column: 10 });
    expect(failure('--token abc get pods')).toEqual({ ok: false, stderr: 'error: TokenScope does not simulate --token; its kubectl always talks to the simulated cluster as the cluster admin\n', exitCode: 1, column: 1 });
    expect(failure('create -f pod.yaml -o yaml').stderr).toBe("error: TokenScope does not simulate kubectl create's --output flag\n");
    expect(failure('auth whoami', { ...MODERN, authWhoami: false }).stderr).toBe("error: unknown command \"whoami\"\nSee 'kubectl auth -h' for help and examples\n");
  });

  it.each<[string, string, number]>([
    ["get 'pods", "the ' quote at column 5 is never closed\n", 5],
    ['create token "my-app', 'the " quote at column 14 is never closed\n', 14],
    ['get pods | grep app', "| at column 10 is a pipe; TokenScope's terminal runs one kubectl command\n", 10],
    ['create token x > token.txt', "> at column 16 is a redirection; TokenScope's terminal runs one kubectl command\n", 16],
    ['get pods \\', 'the \\ at column 10 escapes nothing (it ends the line)\n', 10],
  ])('a line the shell cannot split fails with exit code 2 and the column: %s', (line, stderr, column) => {
    expect(failure(line)).toEqual({ ok: false, stderr, exitCode: 2, column });
  });
});

describe('-f - reads stdin: a here-document in the text, or one the host supplies', () => {
  const SA = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n';

  it.each<[string, KubectlCommand]>([
    [`kubectl apply -f - <<EOF\n${SA}EOF`, { verb: 'apply', file: '-', stdin: SA }],
    [`apply -f - <<'YAML'\n${SA}YAML\n`, { verb: 'apply', file: '-', stdin: SA }],
    [`apply <<EOF -f -\n${SA}EOF`, { verb: 'apply', file: '-', stdin: SA }],
    ['apply -f - <<-EOF\n\tkind: Pod\n\tEOF', { verb: 'apply', file: '-', stdin: 'kind: Pod\n' }],
    [`create -f - <<EOF\n${SA}EOF`, { verb: 'create-file', file: '-', stdin: SA }],
    [`delete -f - --grace-period=0 --force <<EOF\n${SA}EOF`, { verb: 'delete-file', file: '-', stdin: SA, force: true, gracePeriodSec: 0 }],
    ['delete --filename=pod.yaml', { verb: 'delete-file', file: 'pod.yaml', force: false }],
    // The console sends the body apart from its line: the operator alone says stdin is coming.
    ['apply -f - <<EOF', { verb: 'apply', file: '-' }],
    // An empty here-document is still stdin (kubectl then finds no objects).
    ['apply -f - <<EOF\nEOF', { verb: 'apply', file: '-', stdin: '' }],
  ])('%j', (line, expected) => {
    expect(command(line)).toEqual(expected);
  });

  it('takes stdin from the context when the host supplies it', () => {
    expect(command('apply -f -', { ...MODERN, stdin: SA })).toEqual({ verb: 'apply', file: '-', stdin: SA });
    expect(command('create -f -', { ...MODERN, stdin: '' })).toEqual({ verb: 'create-file', file: '-', stdin: '' });
  });

  it.each(['apply -f -', 'create -f -', 'delete -f -'])('%s with nothing on stdin says how to give the manifest', (line) => {
    const verb = line.split(' ')[0];
    expect(failure(line)).toEqual({
      ok: false,
      stderr: `error: -f - reads the manifest from stdin, and nothing feeds stdin here; give it as a here-document:\n  kubectl ${verb} -f - <<EOF\n  (the manifest)\n  EOF\n`,
      exitCode: 1,
      column: line.indexOf('-f') + 1,
    });
  });

  it.each<[string, string, number]>([
    ['apply -f - <<EOF\nkind: Pod\n', "here-document at line 1 delimited by end-of-file (wanted `EOF'): end it with a line that reads exactly EOF\n", 12],
    ['apply -f - <<EOF\nkind: Pod\nEOF\nget pods', "line 4 comes after the here-document ends; TokenScope's terminal runs one kubectl command\n", 1],
    ['apply -f - <<', "the here-document at column 12 has no delimiter word (bash: syntax error near unexpected token `newline')\n", 12],
    ['apply -f - <<EOF <<END', "a second here-document at column 18; TokenScope's terminal feeds one manifest to one kubectl command\n", 18],
    ['apply -f - <<<x', "< at column 12 is a redirection; TokenScope's terminal runs one kubectl command\n", 12],
    ["apply -f - <<'EOF", "the ' quote at column 14 is never closed\n", 14],
    // Columns count through the continued line, as for any backslash-newline.
    ['apply \\\n-f - <<EOF', 'the here-document at column 14 must be on the command\'s first line\n', 14],
  ])('%j is refused by the shell: %s', (line, stderr, column) => {
    expect(failure(line)).toEqual({ ok: false, stderr, exitCode: 2, column });
  });

  it('keeps one file per command and no stray words', () => {
    expect(failure('create -f a.yaml,b.yaml').stderr).toBe("error: TokenScope's kubectl creates one file at a time\n");
    expect(failure('create -f - extra <<EOF\nEOF').stderr).toBe("error: Unexpected args: [extra]\nSee 'kubectl create -h' for help and examples\n");
    expect(failure('delete pod app -f x.yaml').stderr).toBe("error: TokenScope's kubectl delete takes either -f FILE or TYPE NAME…, not both\n");
  });
});
