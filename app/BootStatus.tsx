import { BOOT_STAGES, type BootStage, type EngineStatus } from '../src/index.ts';
import { formatDuration } from './common/formatting.ts';
import { useElapsed } from './useElapsed.ts';

const STAGE_WORDS: Record<BootStage | 'starting', string> = {
  starting: 'Starting Python…',
  runtime: 'Loading Python…',
  image: 'Restoring Python…',
  server: 'Installing the server…',
  warmup: 'Warming up…',
};

/** The steps shown: restoring from the image, or (once it falls back) booting plainly. */
const IMAGE_STEPS: readonly BootStage[] = ['runtime', 'image'];
const PLAIN_STEPS: readonly BootStage[] = ['runtime', 'server', 'warmup'];

/** Where Python is in its boot, in plain words, with the time it has taken so far. */
export function BootStatus({ status }: { status: EngineStatus }) {
  const elapsed = useElapsed(status.state === 'booting');
  return (
    <div
      className={`boot-status boot-status--${status.state}`}
      role="status"
      aria-label="Python status"
      data-state={status.state}
      title={
        status.state === 'ready' && status.fallback
          ? `CPython booted plainly: ${status.fallback}`
          : 'CPython, compiled to WebAssembly, in a worker: each run gets a fresh interpreter, restored from an image of one with the WSGI server installed'
      }
    >
      <span className="boot-status__dot" aria-hidden="true" />
      {status.state === 'booting' && (
        <>
          <span>{STAGE_WORDS[status.stage]}</span>
          <span className="boot-status__steps" aria-hidden="true">
            {stepsOf(status.stage).map((stage) => (
              <span key={stage} className={stepClass(stage, status.stage)} />
            ))}
          </span>
          {/* Hidden from screen readers: a live region ticking four times a second is noise. */}
          <span className="muted" aria-hidden="true">
            {formatDuration(elapsed)}
          </span>
        </>
      )}
      {status.state === 'ready' && (
        <span>
          Python {status.pythonVersion} ready{' '}
          <span className="muted">
            · {status.source === 'image' ? 'restored' : 'booted'} in {formatDuration(status.bootMs)}
            {status.fallback ? ' (no image)' : ''}
          </span>
        </span>
      )}
      {status.state === 'failed' && <span>{status.message}</span>}
    </div>
  );
}

/** The steps of the boot path that `stage` is on. */
function stepsOf(stage: BootStage | 'starting'): readonly BootStage[] {
  return stage === 'server' || stage === 'warmup' ? PLAIN_STEPS : IMAGE_STEPS;
}

/** A boot step's look: done, current, or still to come. */
function stepClass(stage: BootStage, current: BootStage | 'starting'): string {
  const at = BOOT_STAGES.indexOf(stage);
  const now = current === 'starting' ? -1 : BOOT_STAGES.indexOf(current);
  if (at < now) return 'step step--done';
  return at === now ? 'step step--current' : 'step';
}
