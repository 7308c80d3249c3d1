/** The live-mode switch: re-run while typing; shows why it paused itself, if it did. */
export function LiveToggle({
  live,
  note,
  onChange,
}: {
  live: boolean;
  note: string | null;
  onChange: (live: boolean) => void;
}) {
  return (
    <label className="live-toggle" title="Re-run the app a moment after each edit">
      <input type="checkbox" checked={live} onChange={(event) => onChange(event.target.checked)} />
      Live
      {note && <span className="live-toggle__note">{note}</span>}
    </label>
  );
}
