/**
 * Resolves the markers the engine writes in place of a token's JWT (jwt-markers.ts) when a host shows the text: the
 * result is the same bytes a real cluster would print.
 */
import { encodeBase64 } from '../text/base64.ts';
import type { Simulation } from './simulation.ts';
import { compactJwt } from './token-jwt.ts';
import { TOKEN_MARKER } from './jwt-markers.ts';

export async function resolveTokenMarkers(sim: Simulation, text: string): Promise<string> {
  const found = [...text.matchAll(TOKEN_MARKER)];
  if (found.length === 0) return text;
  const values = new Map<string, string>();
  for (const [marker, form, index] of found) {
    if (values.has(marker)) continue;
    const token = sim.token(Number(index));
    const jwt = token ? await compactJwt(sim, token) : '';
    values.set(marker, form === 'jwt' ? jwt : encodeBase64(jwt));
  }
  return text.replace(TOKEN_MARKER, (marker) => values.get(marker) ?? marker);
}
