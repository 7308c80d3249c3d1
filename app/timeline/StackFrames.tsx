import type { TraceEvent } from '../../src/index.ts';
import { LineLink } from './Fields.tsx';

/**
 * The frames between the project line and the event, when a library or the stdlib stood
 * between: project frames open in the editor; library frames are named (their source is not
 * the project's).
 */
export function StackFrames({ event, entryFile }: { event: TraceEvent; entryFile: string }) {
  if (!event.stack || event.stack.length === 0) return null;
  return (
    <ol className="tl-frames" aria-label="Frames to the event">
      {event.stack.map((frame, index) => (
        <li key={index}>
          {frame.origin === 'project' ? (
            <LineLink line={frame.line} file={frame.file === entryFile ? undefined : frame.file} />
          ) : (
            <span className="muted">
              {frame.file}:{frame.line} ({frame.origin})
            </span>
          )}{' '}
          in <code>{frame.function}</code>
        </li>
      ))}
    </ol>
  );
}
