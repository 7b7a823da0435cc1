/**
 * Request ids for the commands the console and the manifest editor send. Both send `apply` and both listen to
 * every reply, so the ids come from one counter: a reply then matches exactly one asker.
 */
let lastRequestId = 0;

export function nextRequestId(): number {
  lastRequestId += 1;
  return lastRequestId;
}
