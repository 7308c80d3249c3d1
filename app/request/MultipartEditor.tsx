import type { MultipartPart } from '../../src/index.ts';
import { formatBytes } from '../common/formatting.ts';

/** A part with nothing in it yet. */
function emptyPart(kind: MultipartPart['kind']): MultipartPart {
  return {
    name: '',
    kind,
    value: '',
    filename: '',
    contentType: '',
    dataBase64: '',
    enabled: true,
  };
}

/** How many bytes a base64 text holds. */
function base64Size(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, (base64.length / 4) * 3 - padding);
}

/** Read a chosen file as base64 (FileReader's data URL, without its prefix). */
function readFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () =>
      resolve(String(reader.result).replace(/^data:[^,]*,/, '')),
    );
    reader.addEventListener('error', () =>
      reject(reader.error ?? new Error(`Could not read ${file.name}`)),
    );
    reader.readAsDataURL(file);
  });
}

/** The parts of a multipart/form-data body: text fields and files, each labelled by its row. */
export function MultipartEditor({
  parts,
  onParts,
}: {
  parts: readonly MultipartPart[];
  onParts: (parts: MultipartPart[]) => void;
}) {
  const patch = (index: number, change: Partial<MultipartPart>): void =>
    onParts(parts.map((part, i) => (i === index ? { ...part, ...change } : part)));
  const choose = async (index: number, file: File | undefined): Promise<void> => {
    if (!file) return;
    const dataBase64 = await readFile(file);
    const part = parts[index];
    patch(index, {
      filename: file.name,
      contentType: file.type,
      dataBase64,
      // A new part takes the file's name until the person names it.
      name: part?.name || file.name.replace(/\.[^.]*$/, ''),
    });
  };
  return (
    <div className="field-table">
      {parts.length === 0 && <p className="field-table__empty">No parts yet.</p>}
      {parts.map((part, index) => {
        const n = index + 1;
        return (
          <div className={`part-row${part.enabled ? '' : ' field-table__row--off'}`} key={index}>
            <input
              type="checkbox"
              aria-label={`Send part ${n}`}
              checked={part.enabled}
              onChange={(event) => patch(index, { enabled: event.target.checked })}
            />
            <select
              aria-label={`Part kind ${n}`}
              value={part.kind}
              onChange={(event) =>
                patch(index, { kind: event.target.value as MultipartPart['kind'] })
              }
            >
              <option value="text">Text</option>
              <option value="file">File</option>
            </select>
            <input
              aria-label={`Part name ${n}`}
              placeholder="name"
              value={part.name}
              spellCheck={false}
              onChange={(event) => patch(index, { name: event.target.value })}
            />
            {part.kind === 'text' ? (
              <input
                aria-label={`Part value ${n}`}
                className="part-row__wide"
                placeholder="value"
                value={part.value}
                spellCheck={false}
                onChange={(event) => patch(index, { value: event.target.value })}
              />
            ) : (
              <span className="part-row__wide part-row__file">
                <label className="rb-button rb-file-button">
                  {part.filename ? 'Change…' : 'Choose…'}
                  <input
                    type="file"
                    className="visually-hidden"
                    aria-label={`Part file ${n}`}
                    onChange={(event) => void choose(index, event.target.files?.[0])}
                  />
                </label>
                <span className="part-row__file-name" title={part.filename}>
                  {part.filename
                    ? `${part.filename} (${formatBytes(base64Size(part.dataBase64))})`
                    : 'no file'}
                </span>
                <input
                  aria-label={`Part content type ${n}`}
                  className="part-row__type"
                  placeholder="application/octet-stream"
                  value={part.contentType}
                  spellCheck={false}
                  onChange={(event) => patch(index, { contentType: event.target.value })}
                />
              </span>
            )}
            <button
              type="button"
              className="rb-icon"
              aria-label={`Delete part ${n}`}
              title="Delete this part"
              onClick={() => onParts(parts.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </div>
        );
      })}
      <div className="field-table__adds">
        <button
          type="button"
          className="rb-button"
          onClick={() => onParts([...parts, emptyPart('text')])}
        >
          + Add text field
        </button>
        <button
          type="button"
          className="rb-button"
          onClick={() => onParts([...parts, emptyPart('file')])}
        >
          + Add file
        </button>
      </div>
    </div>
  );
}
