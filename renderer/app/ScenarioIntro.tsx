/**
 * A scenario's own words when it loads: its title, the one thing to take away, and what it sets up. Shown at the top
 * of the side panel (never over the timelines) until the user closes it; closed once, it stays closed for that
 * scenario (remembered in the user settings). The guide in the header shows the same words again at any time.
 */
import { useId } from 'react';
import { MAX_INTRO_KEY_CHARS } from '../../shared/ipc/ipc-contract.ts';
import type { ScenarioSummary } from '../../shared/rpc/engine-protocol.ts';

/** What a dismissal is remembered by: a built-in scenario's id, a file's name with its title; none without words. */
export function introKey(scenario: Pick<ScenarioSummary, 'sourceName' | 'title' | 'description' | 'takeaway'>): string | undefined {
  if (!scenario.description.trim() && !scenario.takeaway.trim()) return undefined;
  const key = scenario.sourceName.startsWith('builtin:') ? scenario.sourceName : `${scenario.sourceName} · ${scenario.title}`;
  return key.slice(0, MAX_INTRO_KEY_CHARS);
}

export function ScenarioIntro({ scenario, onDismiss }: { scenario: ScenarioSummary; onDismiss(): void }) {
  const titleId = useId();
  return (
    <section className="scenario-intro" aria-labelledby={titleId} data-testid="scenario-intro">
      <div className="scenario-intro-head">
        <h2 id={titleId}>{scenario.title}</h2>
        <button type="button" onClick={onDismiss} data-testid="dismiss-intro" title="Close; the Guide button shows it again">
          Got it
        </button>
      </div>
      {/* Long words scroll inside the card: focusable, so they scroll from the keyboard too. */}
      <div className="scenario-intro-body" tabIndex={0} role="group" aria-label="About this scenario">
        {scenario.takeaway && (
          <p className="scenario-takeaway">
            <strong>Take away:</strong> {scenario.takeaway}
          </p>
        )}
        {scenario.description && <p>{scenario.description}</p>}
      </div>
    </section>
  );
}
