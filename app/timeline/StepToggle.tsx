/**
 * The switch into step mode and out of it ("Step through", a toggle button); a narrow screen
 * shows "Step" (the name stays whole). `className`: where it sits (e.g. the embed's bar).
 */
export function StepToggle({
  on,
  onChange,
  className = '',
}: {
  on: boolean;
  onChange: (on: boolean) => void;
  className?: string;
}) {
  return (
    <button
      type="button"
      className={`tool-button step-toggle ${className}`.trim()}
      aria-label="Step through"
      aria-pressed={on}
      title={
        on
          ? 'Leave step mode: every view shows the whole run again'
          : 'Go through the run one event at a time'
      }
      onClick={() => onChange(!on)}
    >
      Step<span className="step-toggle__more"> through</span>
    </button>
  );
}
