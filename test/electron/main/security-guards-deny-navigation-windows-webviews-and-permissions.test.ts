import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../fakes/electron.ts'));

import { app, BrowserWindow, resetFakeElectron, session, shell } from '../../fakes/electron.ts';
import {
  CONTENT_SECURITY_POLICY,
  guardSession,
  guardWebContents,
  installSecurityGuards,
  isInternalUrl,
  isSafeExternalUrl,
  isPermissionAllowed,
} from '../../../electron/main/security-guards.ts';

beforeEach(() => resetFakeElectron());

describe('isInternalUrl accepts only the app’s own origin', () => {
  it.each(['app://bundle/', 'app://bundle/index.html', 'app://bundle/index.html?x=1#y', 'app://bundle', 'APP://bundle/index.html'])(
    'accepts %s',
    (url) => expect(isInternalUrl(url)).toBe(true),
  );

  it.each([
    'https://bundle/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://evil/',
    'app://bundle.evil.example/',
    'app://bundlex/',
    'app://user@bundle/',
    'app://user:pass@bundle/',
    'app://bundle:443/',
    'app:bundle/index.html',
    'app:///index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://bundle/1234',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ])('rejects %s', (url) => expect(isInternalUrl(url)).toBe(false));
});

describe('isSafeExternalUrl hands only plain https links to the OS browser', () => {
  it('accepts an https documentation link', () => expect(isSafeExternalUrl('https://kubernetes.io/docs/')).toBe(true));
  it.each(['http://kubernetes.io/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'https://user:pw@host/', 'ms-msdt:/id', 'app://bundle/'])(
    'rejects %s',
    (url) => expect(isSafeExternalUrl(url)).toBe(false),
  );
});

describe('the content security policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('denies by default and loads scripts only from the bundle: no inline scripts, no eval', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    for (const [name, sources] of directives) expect(sources, name).not.toContain("'unsafe-eval'");
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('lets the page compile WebAssembly (the PNG rasteriser) and nothing more than that beyond the bundle', () => {
    const withWasm = [...directives].filter(([, sources]) => sources.includes("'wasm-unsafe-eval'")).map(([name]) => name);
    expect(withWasm).toEqual(['script-src']);
  });

  it('allows no remote origin anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
  });

  it('forbids plugins, frames, form posts and <base> rewrites', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });
});

describe('guardWebContents', () => {
  function guarded() {
    const window = new BrowserWindow();
    const opened: string[] = [];
    guardWebContents(window.webContents as never, (url) => opened.push(url));
    return { contents: window.webContents, opened };
  }

  it('lets the page navigate within app://bundle', () => {
    const { contents } = guarded();
    expect(contents.fakeNavigate('app://bundle/index.html')).toBe(false);
  });

  it.each(['https://example.com/', 'http://127.0.0.1:5173/', 'file:///etc/passwd', 'app://evil/', 'javascript:alert(1)', 'data:text/html,hi'])(
    'denies navigating the window to %s',
    (url) => {
      const { contents } = guarded();
      expect(contents.fakeNavigate(url, 'will-navigate')).toBe(true);
      expect(contents.fakeNavigate(url, 'will-frame-navigate')).toBe(true);
      expect(contents.fakeNavigate(url, 'will-redirect')).toBe(true);
    },
  );

  it('denies every window.open, handing only https links to the OS browser', () => {
    const { contents, opened } = guarded();
    expect(contents.fakeWindowOpen('https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/')).toBe('deny');
    expect(contents.fakeWindowOpen('app://bundle/index.html')).toBe('deny');
    expect(contents.fakeWindowOpen('file:///etc/passwd')).toBe('deny');
    expect(contents.fakeWindowOpen('javascript:alert(1)')).toBe('deny');
    expect(opened).toEqual(['https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/']);
  });

  it('denies attaching a <webview>', () => {
    const { contents } = guarded();
    expect(contents.fakeAttachWebview('https://example.com/')).toBe(true);
    expect(contents.fakeAttachWebview('app://bundle/index.html')).toBe(true);
  });
});

describe('guardSession', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb', 'display-capture', 'pointerLock', 'unknown'])(
    'denies the %s permission, asked or checked',
    (permission) => {
      guardSession(session.defaultSession as never);
      expect(session.defaultSession.fakeRequestPermission(permission)).toBe(false);
      expect(session.defaultSession.fakeCheckPermission(permission)).toBe(false);
    },
  );

  it('grants exactly what the app asks for (full screen for presentation mode, the clipboard write of Copy), and only to its own page', () => {
    guardSession(session.defaultSession as never);
    for (const permission of ['fullscreen', 'clipboard-sanitized-write']) {
      expect(session.defaultSession.fakeRequestPermission(permission)).toBe(true);
      expect(session.defaultSession.fakeCheckPermission(permission)).toBe(true);
      expect(session.defaultSession.fakeCheckPermission(permission, 'https://evil.example')).toBe(false);
      expect(session.defaultSession.fakeCheckPermission(permission, 'app://bundle.evil.example')).toBe(false);
    }
    expect(isPermissionAllowed('fullscreen', undefined)).toBe(false);
    expect(isPermissionAllowed('fullscreen', 'file:///index.html')).toBe(false);
  });

  it('denies device access and screen capture', () => {
    guardSession(session.defaultSession as never);
    expect(session.defaultSession.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
    let streams: unknown = 'unanswered';
    session.defaultSession.displayMediaRequestHandler?.({}, (answer) => (streams = answer));
    expect(streams).toBeNull();
  });

  it('cancels every remote or file:// request, and leaves app:// alone', () => {
    guardSession(session.defaultSession as never);
    const web = session.defaultSession.webRequest;
    for (const url of ['https://example.com/x.js', 'http://10.0.0.1/', 'wss://example.com/socket', 'ws://localhost:5173/', 'file:///etc/passwd']) {
      expect(web.fakeIsCancelled(url), url).toBe(true);
    }
    expect(web.fakeIsCancelled('app://bundle/index.html')).toBe(false);
  });
});

describe('installSecurityGuards', () => {
  it('guards every webContents the app creates, and opens external links with the OS browser', () => {
    installSecurityGuards(app as never, session.defaultSession as never, (url) => void shell.openExternal(url));
    const window = new BrowserWindow();
    expect(window.webContents.fakeNavigate('https://example.com/')).toBe(true);
    expect(window.webContents.fakeWindowOpen('https://kubernetes.io/')).toBe('deny');
    expect(shell.opened).toEqual(['https://kubernetes.io/']);
    expect(session.defaultSession.fakeRequestPermission('media')).toBe(false);
  });
});
