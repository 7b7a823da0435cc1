import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../fakes/electron.ts'));

import { protocol, resetFakeElectron } from '../../fakes/electron.ts';
import { createAppRequestHandler, registerAppScheme, resolveAppUrl, serveAppProtocol } from '../../../electron/main/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security-guards.ts';

const ROOT = '/opt/TokenScope/resources/app.asar/dist/renderer';

describe('resolveAppUrl maps app://bundle/ URLs to files inside the renderer folder', () => {
  it('maps the root and plain paths to files under the root', () => {
    expect(resolveAppUrl('app://bundle/', ROOT)).toBe(`${ROOT}/index.html`);
    expect(resolveAppUrl('app://bundle', ROOT)).toBe(`${ROOT}/index.html`);
    expect(resolveAppUrl('app://bundle/index.html', ROOT)).toBe(`${ROOT}/index.html`);
    expect(resolveAppUrl('app://bundle/assets/index-3f2a.js', ROOT)).toBe(`${ROOT}/assets/index-3f2a.js`);
    expect(resolveAppUrl('app://bundle/assets/My%20Font.woff2', ROOT)).toBe(`${ROOT}/assets/My Font.woff2`);
  });

  it('ignores the query and the fragment', () => {
    expect(resolveAppUrl('app://bundle/index.html?v=2#timeline', ROOT)).toBe(`${ROOT}/index.html`);
  });

  it.each([
    ['literal dot-dot', 'app://bundle/../../etc/passwd'],
    ['dot-dot after a folder', 'app://bundle/assets/../../../etc/passwd'],
    ['percent-encoded dot-dot', 'app://bundle/%2e%2e/%2e%2e/etc/passwd'],
    ['upper-case percent-encoding', 'app://bundle/%2E%2E/%2E%2E/etc/passwd'],
    ['encoded slashes around dot-dot', 'app://bundle/assets%2f..%2f..%2fetc%2fpasswd'],
    ['backslash traversal', 'app://bundle/..\\..\\windows\\win.ini'],
    ['encoded backslash traversal', 'app://bundle/..%5c..%5cwindows%5cwin.ini'],
    ['a single dot segment', 'app://bundle/./index.html'],
    ['a NUL byte', 'app://bundle/index.html%00.png'],
    ['a Windows drive', 'app://bundle/C:/Windows/win.ini'],
    ['an NTFS stream', 'app://bundle/index.html::$DATA'],
    ['malformed percent-encoding', 'app://bundle/%E0%A4%A'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppUrl(url, ROOT)).toBeNull();
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://bundle.evil.example/index.html'],
    ['credentials in the authority', 'app://user:pass@bundle/index.html'],
    ['a port', 'app://bundle:8080/index.html'],
    ['no authority', 'app:index.html'],
    ['an empty host', 'app:///etc/passwd'],
    ['another scheme', 'file:///etc/passwd'],
    ['https', 'https://bundle/index.html'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppUrl(url, ROOT)).toBeNull();
  });

  it('keeps Windows paths inside the root too', () => {
    const root = 'C:\\Program Files\\TokenScope\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppUrl('app://bundle/assets/a.js', root, path.win32)).toBe(`${root}\\assets\\a.js`);
    expect(resolveAppUrl('app://bundle/..%5c..%5cwin.ini', root, path.win32)).toBeNull();
    expect(resolveAppUrl('app://bundle/C:%5cWindows', root, path.win32)).toBeNull();
  });

  it('never resolves outside the root, whatever path it is given', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '.%2e', '%2f', '%5c', '\\', '%00', 'assets', 'index.html', '', ':', '%3a', '~', '%252e%252e'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const resolved = resolveAppUrl(`app://bundle/${segments.join('/')}`, ROOT);
        if (resolved !== null) {
          const relative = path.relative(ROOT, resolved);
          expect(relative.startsWith('..') || path.isAbsolute(relative)).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the app:// handler', () => {
  let root: string;
  let outside: string;

  beforeAll(() => {
    outside = mkdtempSync(path.join(tmpdir(), 'tokenscope-protocol-'));
    root = path.join(outside, 'dist', 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>TokenScope</title>');
    writeFileSync(path.join(root, 'assets', 'main.js'), 'console.log("hi")');
    writeFileSync(path.join(outside, 'secret.txt'), 'do not serve');
  });
  afterAll(() => rmSync(outside, { recursive: true, force: true }));
  beforeEach(() => resetFakeElectron());

  it('serves index.html with its content type and the CSP header', async () => {
    const response = await createAppRequestHandler(root)(new Request('app://bundle/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>TokenScope</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await createAppRequestHandler(root)(new Request('app://bundle/assets/main.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log("hi")');
  });

  it('refuses an encoded traversal that survives URL parsing with 403, the CSP header still set', async () => {
    const response = await createAppRequestHandler(root)(new Request('app://bundle/assets%2f..%2f..%2f..%2fsecret.txt'));
    expect(response.status).toBe(403);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('never serves a file outside the root when the URL parser has already folded the dot segments', async () => {
    // Chromium (and undici here) resolve `..` before the handler runs: the request arrives as app://bundle/secret.txt.
    const response = await createAppRequestHandler(root)(new Request('app://bundle/%2e%2e/%2e%2e/secret.txt'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('answers 404 for a missing file and for a folder', async () => {
    const handler = createAppRequestHandler(root);
    expect((await handler(new Request('app://bundle/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://bundle/assets'))).status).toBe(404);
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    const response = await createAppRequestHandler(root)(new Request('app://bundle/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await createAppRequestHandler(root)(new Request('app://bundle/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 500, not a crash, when the file cannot be read', async () => {
    const failing = createAppRequestHandler(root, async () => {
      throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    });
    expect((await failing(new Request('app://bundle/index.html'))).status).toBe(500);
  });

  it('is registered for the app scheme and serves through Electron’s protocol module', async () => {
    serveAppProtocol(protocol, root);
    expect(protocol.isProtocolHandled('app')).toBe(true);
    expect((await protocol.fakeRequest('app://bundle/index.html')).status).toBe(200);
    expect((await protocol.fakeRequest('app://bundle/../../secret.txt')).status).not.toBe(200);
  });

  it('registers app:// as standard and secure, without bypassing CSP or enabling service workers', () => {
    registerAppScheme(protocol);
    expect(protocol.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });
});
