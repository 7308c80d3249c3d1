import type { TraceEvent } from '../../src/index.ts';

type StartResponse = Extract<TraceEvent, { kind: 'start_response' }>;
type HeaderArgument = NonNullable<StartResponse['headers']>[number];

/** What is wrong with one item of `response_headers`, in words, or '' when it is fine. */
function typeProblem(item: HeaderArgument): string {
  if (item.repr !== undefined) return `a ${item.itemType}, not a (name, value) tuple`;
  const problems: string[] = [];
  if (item.itemType !== 'tuple') problems.push(`item is a ${item.itemType}`);
  if (item.nameType !== 'str') problems.push(`name is ${item.nameType}`);
  if (item.valueType !== 'str') problems.push(`value is ${item.valueType}`);
  return problems.join(', ');
}

/** The `response_headers` the app passed to start_response, with the type of any non-str part. */
export function ArgumentHeaders({ headers }: { headers: readonly HeaderArgument[] }) {
  if (headers.length === 0) return <p className="muted">No headers.</p>;
  return (
    <table className="tl-headers">
      <tbody>
        {headers.map((item, index) => {
          const problem = typeProblem(item);
          return (
            <tr key={index}>
              <th scope="row">{item.repr ?? item.name}</th>
              <td>
                {item.value}
                {problem && <span className="tl-headers__type">{problem}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The headers as the server sent them, marking those it added itself. */
export function SentHeaders({
  headers,
  added,
}: {
  headers: readonly (readonly [string, string])[];
  added: readonly string[];
}) {
  const byServer = new Set(added.map((name) => name.toLowerCase()));
  return (
    <table className="tl-headers">
      <tbody>
        {headers.map(([name, value], index) => (
          <tr key={index}>
            <th scope="row">{name}</th>
            <td>
              {value}
              {byServer.has(name.toLowerCase()) && (
                <span className="tl-headers__added">added by the server</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The header list a start_response call was given: a table, or what it was instead. */
export function PassedHeaders({
  event,
}: {
  event: {
    headers?: HeaderArgument[] | undefined;
    headersType: string;
    headersRepr?: string | undefined;
  };
}) {
  return event.headers ? (
    <ArgumentHeaders headers={event.headers} />
  ) : (
    <span className="tl-details__warn">
      a <code>{event.headersType}</code>, not a list: <code>{event.headersRepr ?? ''}</code>
    </span>
  );
}
