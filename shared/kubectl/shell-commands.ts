/**
 * Programs a learner reaches for in a terminal that are not kubectl. The console's "kubectl in front is optional"
 * would otherwise hand `cat token` to kubectl, whose answer (unknown command "cat", did you mean cp, get, set, wait?)
 * teaches nothing; a line that names one of these without `kubectl` in front is told what this terminal runs and,
 * where there is one, the kubectl way to do the same thing.
 */

const INSIDE_A_POD = 'files exist inside pods here: kubectl exec POD -- cat /var/run/secrets/kubernetes.io/serviceaccount/token (or ls)';
const NO_VARIABLES = 'it has no shell variables: copy a token from the output of kubectl create token instead';
const DECODE = 'to read a token, paste it into the Paste token panel, which decodes and explains it';

const HINTS: Readonly<Record<string, string>> = {
  cat: INSIDE_A_POD,
  ls: INSIDE_A_POD,
  cd: INSIDE_A_POD,
  echo: NO_VARIABLES,
  export: NO_VARIABLES,
  env: NO_VARIABLES,
  printenv: NO_VARIABLES,
  jq: DECODE,
  base64: DECODE,
  cut: DECODE,
  jwt: DECODE,
  whoami: 'kubectl auth whoami says who the API server takes you for',
  curl: 'nothing here sends HTTP requests; kubectl talks to the simulated API server for you',
  wget: 'nothing here sends HTTP requests; kubectl talks to the simulated API server for you',
  sudo: 'nothing here needs it: type the kubectl command alone',
  watch: 'nothing here repeats a command: run it again, or watch the timeline',
  grep: 'it runs one kubectl command without pipes',
  ssh: 'the simulated nodes have no shell; kubectl exec POD -- ls shows what the kubelet wrote into a pod',
  vi: 'edit manifests in the manifest editor, then apply -f FILE',
  vim: 'edit manifests in the manifest editor, then apply -f FILE',
  nano: 'edit manifests in the manifest editor, then apply -f FILE',
};

/** The refusal for a line whose first word is `program`, or undefined when it is not one of these. */
export function shellCommandRefusal(program: string): string | undefined {
  const hint = Object.hasOwn(HINTS, program) ? HINTS[program] : undefined;
  if (hint === undefined) return undefined;
  return `error: ${program} is a shell command, and TokenScope's terminal runs only kubectl; ${hint}`;
}
