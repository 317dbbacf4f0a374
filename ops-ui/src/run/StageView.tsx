// The stage view of any operation that declares stages: where the run is, and each stage's state.
import type { Run, StageLabel } from "../api/types";
import { stageOf, stageStates } from "./stages";

const MARK = { done: "✓", current: "▸", ahead: "·" } as const;

export function StageView({ run, stages }: { run: Run; stages: StageLabel[] }) {
  return (
    <section className="card" aria-labelledby="stage-title" data-testid="run-stages">
      <h2 id="stage-title">Stage</h2>
      <p data-testid="run-stage">{stageOf(run, stages)}</p>
      <ol className="stage-list">
        {stageStates(run, stages).map(({ stage, state }) => (
          <li key={stage.step} className={`stage-${state}`} title={stage.step}>
            <span aria-hidden="true">{MARK[state]}</span> {stage.label}
          </li>
        ))}
      </ol>
    </section>
  );
}
