/**
 * Keeps one panel's failure in that panel: if anything under it throws while rendering, the panel shows what went
 * wrong and a button to reset it, and the rest of the app (the timelines, the other panels, the transport) keeps
 * working. Without it, one bad value (a pasted token nested ten thousand levels deep, say) blanked the whole window.
 * `resetKey` starts the panel afresh by itself when it changes (a new scenario, typically).
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** The panel's name, as the user knows it ("Inspector", "Timelines"). */
  name: string;
  resetKey?: string | number;
  children?: ReactNode;
}

interface State {
  error: Error | undefined;
  /** Bumped by a reset, so the children mount anew rather than keep the state that broke them. */
  generation: number;
  resetKey: Props['resetKey'];
}

export class PanelErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, generation: 0, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey === state.resetKey) return null;
    return { resetKey: props.resetKey, error: undefined, generation: state.generation + 1 };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever opens the developer tools: the UI says what happened in words.
    console.error(`[${this.props.name}] ${error.message}`, info.componentStack);
  }

  private reset = () => this.setState((state) => ({ error: undefined, generation: state.generation + 1 }));

  override render(): ReactNode {
    const { error, generation } = this.state;
    if (error === undefined) return <PanelContent key={generation}>{this.props.children}</PanelContent>;
    return (
      <div className="panel-error" role="alert" data-testid="panel-error" data-panel={this.props.name}>
        <p>
          <strong>Something went wrong in this panel ({this.props.name}).</strong> The rest of TokenScope still works.
        </p>
        <p className="panel-error-detail">{error.message.slice(0, 300)}</p>
        <button type="button" onClick={this.reset} data-testid="panel-error-reset">
          Reset this panel
        </button>
      </div>
    );
  }
}

/** A keyed wrapper: a new key remounts the children with fresh state. */
function PanelContent({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
