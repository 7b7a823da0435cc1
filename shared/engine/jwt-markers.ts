/**
 * Where the engine's output must contain a token's JWT (a Secret's `data.token`, what `kubectl create token` prints)
 * it writes a marker instead, because signing is asynchronous and deferred; token-markers.ts resolves them when a
 * host shows the text. This module has no imports, so any part of the engine can write a marker.
 */

export const TOKEN_MARKER = /\{\{(jwt|jwt-base64):(\d+)\}\}/g;

export function jwtMarker(tokenIndex: number): string {
  return `{{jwt:${tokenIndex}}}`;
}

export function jwtBase64Marker(tokenIndex: number): string {
  return `{{jwt-base64:${tokenIndex}}}`;
}

/** For one-line summaries (event messages): names the token a marker stands for instead of printing its JWT. */
export function describeTokenMarkers(text: string, tokenNumber: (index: number) => number | undefined): string {
  return text.replace(TOKEN_MARKER, (marker, _form: string, index: string) => {
    const number = tokenNumber(Number(index));
    return number === undefined ? marker : `the JWT of token #${number}`;
  });
}
