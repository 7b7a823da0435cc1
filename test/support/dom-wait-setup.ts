/**
 * DOM tests wait for the app with testing-library's findBy/waitFor, whose default one second is shorter than a busy
 * two-core CI machine sometimes needs to render a lazy panel. A longer ceiling only changes how long a failing wait
 * takes; a passing one returns as soon as its condition holds.
 */
export {};

if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 10_000 });
}
