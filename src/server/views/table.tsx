// A table of rows under column headings, in the wrapper that scrolls sideways on a narrow screen
// (the page itself never does). Every tabular block of the desk is one of these.
import type { Child } from 'hono/jsx';

export function DataTable(props: { head: string[]; rows: Child[][]; label?: string }) {
  return (
    <div class="table-wrap" role="region" tabindex={0} aria-label={props.label ?? props.head.join(', ')}>
      <table>
        <thead>
          <tr>
            {props.head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((cells) => (
            <tr>
              {cells.map((cell) => (
                <td>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
