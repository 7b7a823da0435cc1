/**
 * gifenc, whichever of its two builds was loaded: bundlers (the page, the CLI bundle) take its ES module, whose
 * exports are named; Node (tests, tools) takes its CommonJS build, whose exports Node can only hand over as the
 * default export, since it cannot see their names.
 */
import * as loaded from 'gifenc';

export const gifenc = 'GIFEncoder' in loaded && typeof loaded.GIFEncoder === 'function' ? loaded : loaded.default;
