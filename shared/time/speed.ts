/** How fast simulated time may run, in simulated seconds per wall second: the transport's range and a scene's. */

/** Below this a class would wait minutes for a second to pass. */
export const MIN_SPEED = 0.1;
/** Ten years in about half a minute; faster than this the engine cannot keep up anyway. */
export const MAX_SPEED = 10_000_000;
