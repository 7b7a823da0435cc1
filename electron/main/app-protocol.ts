/**
 * Serves the built renderer (dist/renderer) at app://bundle/. Every URL goes through `resolveAppUrl`, which maps it
 * to a file inside the root or refuses it; every response carries the security headers (CSP first).
 */
import { promises as fsPromises } from 'node:fs';
import nodePath from 'node:path';
import type { Protocol } from 'electron';
import { APP_SCHEME } from './app-origin.ts';
import { isInternalUrl, securityHeaders } from './security-guards.ts';

type PathApi = Pick<typeof nodePath, 'join' | 'relative' | 'isAbsolute'>;

/** The path part of a URL exactly as it was written, before the URL parser resolved any dot segments. */
function rawPathOf(url: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url)?.[1];
}

/**
 * Maps an app:// URL to a file under `rootDir`, or null when the URL is not ours or tries to leave the root.
 * The URL parser would quietly resolve `..` (so `app://bundle/../../etc/passwd` becomes `/etc/passwd`); we refuse
 * such URLs outright instead, whether the dots are literal or percent-encoded, since our pages never produce them.
 */
export function resolveAppUrl(url: string, rootDir: string, pathApi: PathApi = nodePath): string | null {
  if (!isInternalUrl(url)) return null;
  const rawPath = rawPathOf(url);
  if (rawPath === undefined) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  // Backslashes separate paths on Windows, NUL truncates them in C APIs, and ':' names drives and NTFS streams.
  if (/[\\\0:]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;
  const filePath = pathApi.join(rootDir, ...(segments.length === 0 ? ['index.html'] : segments));
  const relative = pathApi.relative(rootDir, filePath);
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) return null;
  return filePath;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[nodePath.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type ReadFile = (filePath: string) => Promise<Uint8Array>;

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders(), 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * The app:// request handler. Files are read whole (the bundle is a few MB at most) with Electron's asar-aware fs,
 * so it works the same from dist/renderer in development and from inside app.asar when packaged.
 */
export function createAppRequestHandler(rootDir: string, readFile: ReadFile = (p) => fsPromises.readFile(p)) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
    const filePath = resolveAppUrl(request.url, rootDir);
    if (filePath === null) return textResponse(403, 'Forbidden');
    let body: Uint8Array;
    try {
      body = await readFile(filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? textResponse(404, 'Not Found') : textResponse(500, 'Internal Server Error');
    }
    // fs never hands back SharedArrayBuffer-backed bytes; the DOM typing of Response insists on hearing so.
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: { ...securityHeaders(), 'content-type': contentTypeFor(filePath), 'content-length': String(body.byteLength) },
    });
  };
}

/** Must run before the app's 'ready' event: Chromium fixes the scheme table at startup. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    // standard: relative URLs and an origin for CSP 'self'; secure: treated like https (no mixed-content downgrades).
    // Deliberately not bypassCSP, corsEnabled or allowServiceWorkers.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string, readFile?: ReadFile): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir, readFile));
}
