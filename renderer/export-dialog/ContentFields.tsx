/** What the figure holds: which flows, which optional lanes, the legend and the instructor's notes. */
import type { OptionalLane } from '../../shared/export/export-types.ts';
import type { ExportSource } from '../../shared/export/export-source.ts';
import type { ExportForm, ExportStyle, FormErrors } from './export-form.ts';
import { Check, FieldError, Group, type FormUpdate } from './form-controls.tsx';

const LANE_LABELS: Record<OptionalLane, string> = { attacker: 'Attacker lane', kubectl: 'kubectl lane', secrets: 'Secrets lane' };
const OPTIONAL_LANE_ORDER: readonly OptionalLane[] = ['attacker', 'kubectl', 'secrets'];

interface Props {
  ids: string;
  source: ExportSource;
  form: ExportForm;
  errors: FormErrors;
  onForm: FormUpdate<ExportForm>;
  onStyle(patch: Partial<ExportStyle>): void;
}

export function ContentFields({ ids, source, form, errors, onForm, onStyle }: Props) {
  const setLaneShown = (lane: OptionalLane, on: boolean) =>
    onForm((f) => ({ ...f, style: { ...f.style, hiddenLanes: on ? f.style.hiddenLanes.filter((l) => l !== lane) : [...f.style.hiddenLanes.filter((l) => l !== lane), lane] } }));
  const setFlowShown = (flowId: string, on: boolean) => onForm((f) => ({ ...f, flows: on ? [...f.flows.filter((id) => id !== flowId), flowId] : f.flows.filter((id) => id !== flowId) }));
  return (
    <>
      <Group legend="Flows" describedBy={errors.flows ? `${ids}-flows-error` : undefined}>
        {source.lanes.flows.map((f) => (
          <Check key={f.flowId} checked={form.flows.includes(f.flowId)} onChange={(on) => setFlowShown(f.flowId, on)} testId={`export-flow-${f.flowId}`}>
            {f.title}
          </Check>
        ))}
        <FieldError id={`${ids}-flows-error`} error={errors.flows} />
      </Group>
      <Group legend="Show">
        {OPTIONAL_LANE_ORDER.map((lane) => (
          <Check key={lane} checked={!form.style.hiddenLanes.includes(lane)} onChange={(on) => setLaneShown(lane, on)} testId={`export-lane-${lane}`}>
            {LANE_LABELS[lane]}
          </Check>
        ))}
        <Check checked={form.style.legend} onChange={(on) => onStyle({ legend: on })} testId="export-legend">
          Legend
        </Check>
        <Check checked={form.style.annotations} onChange={(on) => onStyle({ annotations: on })} testId="export-annotations">
          Annotations ({source.annotations.length})
        </Check>
      </Group>
    </>
  );
}
