/**
 * Where the engine's output must contain a token's JWT (a Secret's `data.token`, what `kubectl create token` prints)
 * it writes a marker instead, because signing is asynchronous and deferred. Hosts resolve markers when they show
 * the text; the result is the same bytes a real cluster would print.
 */
import { encodeBase64 } from '../text/base64.ts';
import type { Simulation } from './simulation.ts';
import { compactJwt } from './token-jwt.ts';

const MARKER = /\{\{(jwt|jwt-base64):(\d+)\}\}/g;

export function jwtMarker(tokenIndex: number): string {
  return `{{jwt:${tokenIndex}}}`;
}

export function jwtBase64Marker(tokenIndex: number): string {
  return `{{jwt-base64:${tokenIndex}}}`;
}

/** For one-line summaries (event messages): names the token a marker stands for instead of printing its JWT. */
export function describeTokenMarkers(text: string, tokenNumber: (index: number) => number | undefined): string {
  return text.replace(MARKER, (marker, _form: string, index: string) => {
    const number = tokenNumber(Number(index));
    return number === undefined ? marker : `the JWT of token #${number}`;
  });
}

export async function resolveTokenMarkers(sim: Simulation, text: string): Promise<string> {
  const found = [...text.matchAll(MARKER)];
  if (found.length === 0) return text;
  const values = new Map<string, string>();
  for (const [marker, form, index] of found) {
    if (values.has(marker)) continue;
    const token = sim.token(Number(index));
    const jwt = token ? await compactJwt(sim, token) : '';
    values.set(marker, form === 'jwt' ? jwt : encodeBase64(jwt));
  }
  return text.replace(MARKER, (marker) => values.get(marker) ?? marker);
}
