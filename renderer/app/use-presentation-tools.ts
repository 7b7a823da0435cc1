/**
 * The tools of one presentation — the spotlight, the laser pointer, the detail lanes shown while presenting, a note
 * asked for by a key, the blanked screen — and large type, which reaches the DOM through one CSS variable on <html> (app.css sizes
 * everything from the root size). The tools are off again when the next presentation starts.
 */
import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { AnnotationRequest } from '../presentation/AnnotationsPanel.tsx';
import type { SceneSpotlight } from '../../shared/model/scene.ts';

export interface Spotlight {
  on: boolean;
  /** Counted across flows from the top, wrapping both ways. */
  lane: number;
  /** The lane a scene named, used instead of `lane` until ↑/↓ move the spotlight. */
  scene?: SceneSpotlight;
}

export interface PresentationTools {
  spotlight: Spotlight;
  setSpotlight: Dispatch<SetStateAction<Spotlight>>;
  /** A scene puts its lane in the spotlight, or none (the spotlight goes off). */
  setSceneSpotlight(spot: SceneSpotlight | undefined): void;
  laserOn: boolean;
  setLaserOn: Dispatch<SetStateAction<boolean>>;
  /** The detail lanes inside presentation mode: each presentation starts without them. */
  detailLanes: boolean;
  setDetailLanes: Dispatch<SetStateAction<boolean>>;
  annotationRequest: AnnotationRequest | undefined;
  setAnnotationRequest: Dispatch<SetStateAction<AnnotationRequest | undefined>>;
  /** The screen is blanked (B or .) until a key or a click; never outside presentation mode. */
  blanked: boolean;
  setBlanked: Dispatch<SetStateAction<boolean>>;
}

export function usePresentationTools(presenting: boolean, fontScalePercent: number): PresentationTools {
  const [spotlight, setSpotlight] = useState<Spotlight>({ on: false, lane: 0 });
  const [laserOn, setLaserOn] = useState(false);
  const [detailLanes, setDetailLanes] = useState(false);
  const [annotationRequest, setAnnotationRequest] = useState<AnnotationRequest | undefined>(undefined);
  const [blanked, setBlanked] = useState(false);
  if (blanked && !presenting) setBlanked(false);
  const [wasPresenting, setWasPresenting] = useState(presenting);
  if (wasPresenting !== presenting) {
    setWasPresenting(presenting);
    if (!presenting) {
      setDetailLanes(false);
      setSpotlight((s) => ({ ...s, on: false }));
      setLaserOn(false);
      // A request not yet answered must not open the form by itself when the next presentation starts.
      setAnnotationRequest(undefined);
    }
  }

  useEffect(() => {
    document.documentElement.style.setProperty('--font-scale', String(presenting ? fontScalePercent / 100 : 1));
  }, [presenting, fontScalePercent]);

  const setSceneSpotlight = useCallback((spot: SceneSpotlight | undefined) => setSpotlight((s) => (spot ? { on: true, lane: s.lane, scene: spot } : { on: false, lane: s.lane })), []);

  return { spotlight, setSpotlight, setSceneSpotlight, laserOn, setLaserOn, detailLanes, setDetailLanes, annotationRequest, setAnnotationRequest, blanked, setBlanked };
}
