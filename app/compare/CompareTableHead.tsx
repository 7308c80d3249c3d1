/** The head of a compare table: the change mark's column (named for screen readers), any
 * columns of the row's own (`named`, e.g. Header), then Run A and Run B. */
export function CompareTableHead({ named = [] }: { named?: readonly string[] }) {
  return (
    <thead>
      <tr>
        <th scope="col">
          <span className="visually-hidden">Change</span>
        </th>
        {named.map((name) => (
          <th key={name} scope="col">
            {name}
          </th>
        ))}
        <th scope="col">Run A</th>
        <th scope="col">Run B</th>
      </tr>
    </thead>
  );
}
