/**
 * `kubectl create --raw …/serviceaccounts/NAME/token -f FILE`: the body's TokenRequest as the API server takes it,
 * the response body as it writes it (compact JSON, Go struct order), and the checks only a raw body can reach: the
 * name and namespace against the URL (§3 step 2) and, from 1.34, the ServiceAccount UID (§8.3.1).
 */
import { describe, expect, it } from 'vitest';
import { parseKubectl } from '../../../../shared/kubectl/parse-kubectl.ts';
import { kubectlContextFor } from '../../../../shared/kubectl/kubectl-version.ts';
import { injectFault } from '../../../../shared/engine/faults.ts';
import { consoleAt, run } from './console-fixture.ts';

const URL_PATH = '/api/v1/namespaces/default/serviceaccounts/my-app/token';
const raw = (body: string) => `create --raw ${URL_PATH} -f - <<EOF\n${body}\nEOF`;
const saUid = (sim: ReturnType<typeof consoleAt>) => sim.cluster('f')!.serviceAccounts['default/my-app']!.metadata!.uid!;

describe('the response body', () => {
  it('1.35: compact JSON in struct order, the ServiceAccount UID echoed, a newline after it', () => {
    const sim = consoleAt({ version: '1.35', pod: false }, 5_000);
    const out = run(sim, raw(`{"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","metadata":{"uid":"${saUid(sim)}"},"spec":{"audiences":["vault"],"expirationSeconds":600}}`));
    const token = sim.tokens.at(-1)!.index;
    expect(out).toEqual({
      stdout: `{"kind":"TokenRequest","apiVersion":"authentication.k8s.io/v1","metadata":{"name":"my-app","namespace":"default","uid":"${saUid(sim)}","creationTimestamp":"2025-01-06T09:00:05Z"},"spec":{"audiences":["vault"],"expirationSeconds":600,"boundObjectRef":null},"status":{"token":"{{jwt:${token}}}","expirationTimestamp":"2025-01-06T09:10:05Z"}}\n`,
      stderr: '',
      exitCode: 0,
    });
  });

  it('the editor\'s buffer stands in for a named file', () => {
    const sim = consoleAt({ version: '1.35', pod: false }, 5_000);
    expect(run(sim, `create --raw ${URL_PATH} -f request.json`, '{"spec":{}}').exitCode).toBe(0);
  });
});

describe('what only a raw body can ask for', () => {
  it.each<[string, number]>([['1.33', 0], ['1.34', 1], ['1.37', 1]])('%s: a stale metadata.uid → exit %i', (version, exitCode) => {
    const sim = consoleAt({ version, pod: false }, 5_000);
    const stale = '0b1d0b1d-dead-4bee-8fee-123456789abc';
    const out = run(sim, raw(`{"metadata":{"uid":"${stale}"}}`));
    expect(out.exitCode).toBe(exitCode);
    if (exitCode === 1) {
      expect(out.stderr).toBe(`Error from server (Conflict): Operation cannot be fulfilled on TokenRequest.authentication.k8s.io "my-app": the UID in the token request (${stale}) does not match the UID of the service account (${saUid(sim)})\n`);
    }
  });

  it.each<[string, string]>([
    ['{"metadata":{"name":"other"}}', 'Error from server (Invalid): TokenRequest.authentication.k8s.io "my-app" is invalid: metadata.name: Invalid value: "other": must match the service account name if specified\n'],
    ['{"metadata":{"namespace":"kube-system"}}', 'Error from server (Invalid): TokenRequest.authentication.k8s.io "my-app" is invalid: metadata.namespace: Invalid value: "kube-system": must match the service account namespace if specified\n'],
    ['{"spec":{"expirationSeconds":300}}', 'Error from server (Invalid): TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes\n'],
  ])('%s', (body, stderr) => {
    expect(run(consoleAt({ version: '1.35', pod: false }, 5_000), raw(body))).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('a stopped API server: kubectl\'s own "connection refused" line', () => {
    const sim = consoleAt({ version: '1.35', pod: false }, 5_000);
    injectFault(sim.context, sim.cluster('f')!, 'apiserver-stop');
    expect(run(sim, raw('{}')).stderr).toBe('The connection to the server 10.96.0.1:443 was refused - did you specify the right host or port?\n');
  });
});

describe('bodies and lines it refuses', () => {
  it.each<[string, string]>([
    ['{"spec": }', "error: TokenScope reads the body of create --raw as a JSON TokenRequest: unexpected '}', a value was expected at character 10\n"],
    ['[]', 'error: TokenScope reads the body of create --raw as a JSON TokenRequest: the body must be a JSON object\n'],
    ['{"kind":"Pod"}', 'error: TokenScope reads the body of create --raw as a JSON TokenRequest: kind must be TokenRequest and apiVersion authentication.k8s.io/v1\n'],
    ['{"spec":{"audiences":"vault"}}', 'error: TokenScope reads the body of create --raw as a JSON TokenRequest: spec.audiences must be a list of strings\n'],
    ['{"spec":{"expirationSeconds":"1h"}}', 'error: TokenScope reads the body of create --raw as a JSON TokenRequest: spec.expirationSeconds must be a whole number\n'],
    ['{"metadata":{"uid":5}}', 'error: TokenScope reads the body of create --raw as a JSON TokenRequest: metadata.uid must be a string\n'],
  ])('%s', (body, stderr) => {
    expect(run(consoleAt({ version: '1.35', pod: false }, 5_000), raw(body))).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it.each<[string, string]>([
    [`create --raw ${URL_PATH} -f a.json,b.json`, "error: --raw can only use a single local file or stdin\nSee 'kubectl create -h' for help and examples\n"],
    [`create --raw ${URL_PATH} -f https://example.com/r.json`, "error: --raw cannot read from a url\nSee 'kubectl create -h' for help and examples\n"],
    [`create --raw ${URL_PATH} -f r.json -o yaml`, "error: --raw and --output are mutually exclusive\nSee 'kubectl create -h' for help and examples\n"],
    ['create --raw api/v1 -f r.json', "error: --raw must be a valid URL path: parse \"api/v1\": invalid URI for request\nSee 'kubectl create -h' for help and examples\n"],
    ['create --raw /api/v1/namespaces/default/pods -f r.json', "error: TokenScope's kubectl create --raw posts only to a TokenRequest: /api/v1/namespaces/NAMESPACE/serviceaccounts/NAME/token\n"],
  ])('%s', (line, stderr) => {
    const parsed = parseKubectl(line, kubectlContextFor('1.35'));
    expect(parsed.ok ? '' : parsed.stderr).toBe(stderr);
  });

  it('a missing file is os.Open\'s error', () => {
    expect(run(consoleAt({ version: '1.35', pod: false }, 5_000), `create --raw ${URL_PATH} -f r.json`).stderr).toBe('error: open r.json: no such file or directory\n');
  });
});
