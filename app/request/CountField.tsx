/** A setting that is a count (of bytes, of milliseconds) or nothing (a client fault, off when empty). */
export function CountField({
  id,
  label,
  value,
  placeholder,
  hint,
  onChange,
}: {
  id: string;
  label: string;
  value: number | null | undefined;
  /** What an empty field means ("never", "all"). */
  placeholder: string;
  hint: string;
  onChange: (bytes: number | null) => void;
}) {
  return (
    <>
      <label className="settings-grid__label" htmlFor={id}>
        {label}
      </label>
      <div className="settings-grid__pair">
        <input
          id={id}
          type="number"
          min={0}
          step={1}
          placeholder={placeholder}
          value={value ?? ''}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            const text = event.target.value.trim();
            const bytes = Number(text);
            if (text === '') onChange(null);
            else if (Number.isInteger(bytes) && bytes >= 0) onChange(bytes);
          }}
        />
        <span className="settings-grid__hint" id={`${id}-hint`}>
          {hint}
        </span>
      </div>
    </>
  );
}
