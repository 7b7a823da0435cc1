/**
 * The default branch of a switch over a union: `value` has type `never` only when every member has its case, so a
 * member added to the union without one is a compile error at the switch (a lint rule catches it too).
 */
export function unhandled(value: never): never {
  throw new Error(`unhandled kind: ${JSON.stringify(value)}`);
}
