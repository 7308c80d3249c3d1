import './findings.css';
import type { Severity } from '../../src/index.ts';

/**
 * A severity as a small icon — a cross in a circle, "!" in a triangle, "i" in a circle — so that
 * the three differ by shape, not only by colour. Decorative: always shown beside the word or
 * inside an element that names the severity.
 */
export function SeverityIcon({ severity, size = 14 }: { severity: Severity; size?: number }) {
  return (
    <svg
      className={`severity-icon severity-icon--${severity}`}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      {severity === 'warning' ? (
        <>
          <path className="severity-icon__shape" d="M8 1.2 15.2 14.4H.8Z" />
          <path className="severity-icon__mark" d="M8 5.6v4.3M8 11.6v1.1" />
        </>
      ) : (
        <>
          <circle className="severity-icon__shape" cx="8" cy="8" r="7.2" />
          <path
            className="severity-icon__mark"
            d={severity === 'error' ? 'M5.4 5.4l5.2 5.2M10.6 5.4l-5.2 5.2' : 'M8 7.2v4.6M8 4.4v1.1'}
          />
        </>
      )}
    </svg>
  );
}
