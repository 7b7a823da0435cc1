/** The main-process entry bundled to dist/electron/main.cjs. Everything it does is in app-lifecycle.ts. */
import { startApp } from './app-lifecycle.ts';

startApp();
