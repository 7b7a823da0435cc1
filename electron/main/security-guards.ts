/**
 * The app shows only its own bundled pages. Everything a page could use to leave that box (navigation, new windows,
 * <webview>, permissions, network requests) is refused here, for every webContents, whatever the page asks.
 * The decisions are tiny pure functions so they can be tested against hostile input.
 */
import type { App, Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';

/**
 * Sent with every app:// response. Scripts only from the bundle (no inline, no eval); inline styles are allowed
 * because React and d3 set style attributes and the exported SVGs carry a scoped <style>. Nothing may be framed,
 * posted or fetched from elsewhere.
 *
 * 'wasm-unsafe-eval' lets the page compile WebAssembly, and nothing else: exports are rasterised by
 * @resvg/resvg-wasm (the same renderer as the CLI, so both give the same PNG), and Chromium refuses
 * WebAssembly.instantiate without it. It does not allow eval(), new Function() or inline scripts; the .wasm file
 * itself still comes from the bundle ('self').
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers for every app:// response: the CSP plus the cheap hardening that costs nothing for a local bundle. */
export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
  };
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True only for the app's own origin: app://bundle, with no credentials or port smuggled into the authority. */
export function isInternalUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== undefined &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Links a lesson may hand to the user's browser: plain https, no credentials. Never opened inside the app. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== undefined && parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.hostname !== '';
}

/** Network requests the session cancels outright: the app is offline by design and loads nothing remote. */
export const BLOCKED_REQUEST_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file:///*'];

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
type NavigationEvent = { url: string; preventDefault(): void };

/** Applies the navigation, window and webview rules to one webContents. */
export function guardWebContents(contents: GuardedContents, openExternal: (url: string) => void): void {
  const denyExternal = (event: NavigationEvent) => {
    if (!isInternalUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', denyExternal);
  contents.on('will-frame-navigate', denyExternal);
  contents.on('will-redirect', denyExternal);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

type GuardedSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setDisplayMediaRequestHandler'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

/**
 * The permissions the app itself asks for, and nothing else: presentation mode (F5) goes full screen, and the
 * inspector's Copy writes the token to the clipboard (the sanitized write, which cannot read it back).
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen', 'clipboard-sanitized-write']);

/** A permission is granted only when it is one of ours and asked for by our own page. */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isInternalUrl(requestingUrl);
}

/** No camera, microphone, notifications, clipboard reads, devices, screen capture or remote requests, ever. */
export function guardSession(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(isPermissionAllowed(permission, details?.requestingUrl)));
  // Chromium checks with an origin (`app://bundle`), which isInternalUrl reads as a URL.
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.webRequest.onBeforeRequest({ urls: BLOCKED_REQUEST_URLS }, (_details, callback) => callback({ cancel: true }));
}

/** Guards every webContents the app ever creates, including ones we did not create on purpose (devtools aside). */
export function installSecurityGuards(app: Pick<App, 'on'>, session: GuardedSession, openExternal: (url: string) => void): void {
  guardSession(session);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
}
