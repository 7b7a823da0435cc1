/**
 * A scene: one stop on an instructor's run-sheet. A scenario's `scenes:` list is the order a class is walked through
 * it; each scene is a moment (the playhead), a view (the window, perhaps one lane in the spotlight), what to say there,
 * and whether the clock then runs on to the next scene or waits. Scenes change nothing in the simulation.
 */

/** The visible window a scene opens: the whole run, or a range of simulated time. */
export type SceneWindow = { kind: 'fit' } | { kind: 'range'; fromMs: number; toMs: number };

/** The lane a scene puts in the spotlight: a lane's label as drawn ("pod app", "attacker"), in one flow or the first that has it. */
export interface SceneSpotlight {
  lane: string;
  flow?: string;
}

/** After arriving: wait for the presenter, or play (at `speed`× simulated time) until the next scene's moment. */
export type SceneThen = { kind: 'stop' } | { kind: 'play'; speed: number };

export interface ScenarioScene {
  /** Where the playhead goes, in simulated ms since the scenario's start. */
  atMs: number;
  window: SceneWindow;
  spotlight?: SceneSpotlight;
  /** What the presenter says here: shown beside the figure and written as the deck's speaker text. */
  note?: string;
  then: SceneThen;
}

/** A copy that shares nothing with the original (summaries hand scenes across threads and into React state). */
export function copyScene(scene: ScenarioScene): ScenarioScene {
  return {
    atMs: scene.atMs,
    window: { ...scene.window },
    ...(scene.spotlight === undefined ? {} : { spotlight: { ...scene.spotlight } }),
    ...(scene.note === undefined ? {} : { note: scene.note }),
    then: { ...scene.then },
  };
}

/** Two scenes say the same thing (the write-back keeps an unchanged scene's YAML, comments and all). */
export function sameScene(a: ScenarioScene, b: ScenarioScene): boolean {
  return JSON.stringify(sceneFields(a)) === JSON.stringify(sceneFields(b));
}

function sceneFields(scene: ScenarioScene): unknown[] {
  const window = scene.window.kind === 'fit' ? ['fit'] : ['range', scene.window.fromMs, scene.window.toMs];
  const then = scene.then.kind === 'stop' ? ['stop'] : ['play', scene.then.speed];
  return [scene.atMs, window, scene.spotlight?.lane ?? null, scene.spotlight?.flow ?? null, scene.note ?? null, then];
}
