/**
 * A kubectl command line after client-side parsing and validation (`parse-kubectl.ts`). The engine executes these
 * against a simulated cluster; client-side errors never reach it.
 */
export type OutputFormat = 'yaml' | 'json' | 'wide' | 'name';
export type ResourceKind = 'pod' | 'secret' | 'serviceaccount';

export type KubectlCommand =
  | { verb: 'create-serviceaccount'; name: string; namespace?: string; output?: OutputFormat }
  | {
      verb: 'create-token';
      serviceAccount: string;
      namespace?: string;
      /** `--audience`, repeatable, in order; empty means "the API server's audiences". */
      audiences: string[];
      /** `--duration` in whole seconds; undefined when unset or 0 (the field is then omitted from the request). */
      expirationSec?: number;
      boundObject?: { kind: 'Pod' | 'Secret' | 'Node'; name: string; uid?: string };
      output?: OutputFormat;
    }
  | { verb: 'get'; resource: ResourceKind; name?: string; namespace?: string; output?: OutputFormat }
  | { verb: 'describe'; resource: ResourceKind; name?: string; namespace?: string }
  | { verb: 'delete'; resource: ResourceKind; names: string[]; namespace?: string; gracePeriodSec?: number; force: boolean }
  /**
   * `apply -f FILE`, `create -f FILE` and `delete -f FILE`. For `-f -` the manifest is `stdin` when the command text
   * carried its here-document; otherwise the host supplies it (the console sends the heredoc body separately).
   */
  | { verb: 'apply'; file: string; namespace?: string; stdin?: string }
  | { verb: 'create-file'; file: string; namespace?: string; stdin?: string }
  /**
   * `create --raw /api/v1/namespaces/NS/serviceaccounts/NAME/token -f FILE`: the file's JSON posted as it is, so a
   * TokenRequest can carry what kubectl create token never sends (`metadata.uid`).
   */
  | { verb: 'create-raw'; path: string; namespace: string; serviceAccount: string; file: string; stdin?: string }
  | { verb: 'delete-file'; file: string; namespace?: string; stdin?: string; gracePeriodSec?: number; force: boolean }
  | { verb: 'exec'; pod: string; namespace?: string; container?: string; argv: string[] }
  | { verb: 'auth-whoami'; output?: OutputFormat }
  | { verb: 'help'; topic?: string };

/** What a kubectl invocation prints, as a terminal would show it. */
export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}
