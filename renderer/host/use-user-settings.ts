/**
 * The user's settings in React: loaded once from the host, changed with `update(patch)`. A change shows at once
 * (a theme or a font size must not wait for a file write) and is then persisted; saves run one after another, so
 * the last change made is the one that sticks. A save the host refuses is rolled back and reported in `error`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_USER_SETTINGS, type UserSettings } from '../../shared/ipc/ipc-contract.ts';
import type { HostServices } from './host-services.ts';

export interface UserSettingsState {
  /** The defaults until the stored settings have arrived, with every change not yet saved already applied. */
  settings: UserSettings;
  /** Whether the stored settings have arrived. */
  loaded: boolean;
  /** Why the last change could not be saved; cleared by the next one that is. */
  error: string | undefined;
  /** Applies the patch now and persists it; resolves once the host has answered (it never rejects). */
  update(patch: Partial<UserSettings>): Promise<void>;
}

interface Pending {
  patch: Partial<UserSettings>;
}

export function useUserSettings(host: Pick<HostServices, 'loadSettings' | 'saveSettings'>): UserSettingsState {
  const [settings, setSettings] = useState<UserSettings>(() => ({ ...DEFAULT_USER_SETTINGS }));
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | undefined>();
  // What the host last confirmed, and the changes on their way to it: what is shown is the one with the others on top.
  const confirmed = useRef<UserSettings>({ ...DEFAULT_USER_SETTINGS });
  const pending = useRef<Pending[]>([]);
  const savedOnce = useRef(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const live = useRef(true);

  const show = useCallback(() => {
    if (live.current) setSettings(pending.current.reduce<UserSettings>((shown, p) => ({ ...shown, ...p.patch }), confirmed.current));
  }, []);

  useEffect(() => {
    live.current = true;
    let current = true;
    void host.loadSettings().then((stored) => {
      if (!current) return;
      // A save answered first carries everything the load would have said, and is newer.
      if (!savedOnce.current) confirmed.current = stored;
      setLoaded(true);
      show();
    });
    return () => {
      current = false;
      live.current = false;
    };
  }, [host, show]);

  const update = useCallback(
    (patch: Partial<UserSettings>): Promise<void> => {
      const entry: Pending = { patch };
      pending.current = [...pending.current, entry];
      show();
      const done = queue.current.then(async () => {
        try {
          confirmed.current = await host.saveSettings(patch);
          savedOnce.current = true;
          if (live.current) setError(undefined);
        } catch (failure) {
          if (live.current) setError(failure instanceof Error ? failure.message : String(failure));
        }
        pending.current = pending.current.filter((p) => p !== entry);
        show();
      });
      queue.current = done;
      return done;
    },
    [host, show],
  );

  return { settings, loaded, error, update };
}
