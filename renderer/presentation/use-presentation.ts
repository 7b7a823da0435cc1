import { useCallback, useEffect, useRef, useState } from 'react';

export interface Presentation {
  presenting: boolean;
  /** The document is in full screen (false when the browser refused it: the chromeless layout is used anyway). */
  fullScreen: boolean;
  enter(): void;
  leave(): void;
  toggle(): void;
}

/**
 * Presentation mode: a chromeless layout, and the whole screen through the HTML Fullscreen API on the document
 * element (the same call works in Electron and in a browser). Full screen is asked for inside the key or click that
 * turns the mode on, as browsers require; if it is refused (an iframe, a policy, no user gesture) the layout still
 * changes. Leaving full screen from outside (the browser's own Esc, F11) leaves the mode too.
 */
export function usePresentation(): Presentation {
  const [presenting, setPresenting] = useState(false);
  const [fullScreen, setFullScreen] = useState(false);
  const presentingRef = useRef(false);

  const enter = useCallback(() => {
    presentingRef.current = true;
    setPresenting(true);
    const root = document.documentElement;
    if (document.fullscreenElement || typeof root.requestFullscreen !== 'function') return;
    root.requestFullscreen().catch(() => {
      // Refused: the chromeless layout alone still does the job on a screen already given to the app.
    });
  }, []);

  const leave = useCallback(() => {
    presentingRef.current = false;
    setPresenting(false);
    if (document.fullscreenElement && typeof document.exitFullscreen === 'function') {
      document.exitFullscreen().catch(() => {
        // Already leaving (the user pressed the browser's own key): nothing to undo.
      });
    }
  }, []);

  const toggle = useCallback(() => (presentingRef.current ? leave() : enter()), [enter, leave]);

  useEffect(() => {
    const onChange = () => {
      const full = document.fullscreenElement !== null && document.fullscreenElement !== undefined;
      setFullScreen(full);
      if (!full && presentingRef.current) {
        presentingRef.current = false;
        setPresenting(false);
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  return { presenting, fullScreen, enter, leave, toggle };
}
