/**
 * The scenario's introduction card: shown until the user closes it for that scenario, which the settings remember
 * (the most recent few hundred).
 */
import type { ScenarioSummary } from '../../shared/rpc/engine-protocol.ts';
import { MAX_DISMISSED_INTROS, type UserSettings } from '../../shared/ipc/ipc-contract.ts';
import { introKey } from './ScenarioIntro.tsx';

export function useScenarioIntro(scenario: ScenarioSummary | undefined, settings: UserSettings, updateSettings: (patch: Partial<UserSettings>) => void) {
  const intro = scenario ? introKey(scenario) : undefined;
  const showIntro = intro !== undefined && !settings.dismissedIntros.includes(intro);
  const dismissIntro = () => intro && updateSettings({ dismissedIntros: [...settings.dismissedIntros.filter((k) => k !== intro), intro].slice(-MAX_DISMISSED_INTROS) });
  return { showIntro, dismissIntro };
}
