/**
 * Where the app's own pages live. A standard, secure custom scheme gives the renderer a real origin (`app://bundle`)
 * for relative URLs, `fetch` and CSP 'self', without the extra privileges Chromium grants `file://`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
