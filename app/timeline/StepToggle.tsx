/** The switch into step mode and out of it ("Step through", a toggle button). */
export function StepToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <button
      type="button"
      className="tool-button step-toggle"
      aria-pressed={on}
      title={
        on
          ? 'Leave step mode: every view shows the whole run again'
          : 'Go through the run one event at a time'
      }
      onClick={() => onChange(!on)}
    >
      Step through
    </button>
  );
}
