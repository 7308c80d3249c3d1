/** The code as plain text, shown while the editor loads, or instead of it if it failed to. */
export function EditorFallback({ code, failure }: { code: string; failure?: string }) {
  return (
    <div className="editor-fallback" aria-busy={failure === undefined}>
      <p className="editor-fallback__note">
        {failure === undefined
          ? 'Loading the editor…'
          : `The editor failed to load (${failure}). Reload the page to try again.`}
      </p>
      <pre>{code}</pre>
    </div>
  );
}
