import './viewSwitch.css';

/** A small segmented switch between views (Text / Hex / Preview): toggle buttons in a group. */
export function ViewSwitch<T extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <div className="view-switch" role="group" aria-label={label}>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          className="view-switch__option"
          aria-pressed={option === value}
          onClick={() => onChange(option)}
        >
          {option}
        </button>
      ))}
    </div>
  );
}
