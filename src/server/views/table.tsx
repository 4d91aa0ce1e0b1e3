// A table of rows under column headings, in the wrapper that scrolls sideways on a narrow screen
// (the page itself never does). Every tabular block of the desk is one of these. `stack` is for
// tables of long text (waivers, decisions): on a narrow screen each row becomes a block of
// "heading: value" lines instead of columns too narrow to read.
import type { Child } from 'hono/jsx';

export function DataTable(props: { head: string[]; rows: Child[][]; label?: string; stack?: boolean }) {
  return (
    <div class="table-wrap" role="region" tabindex={0} aria-label={props.label ?? props.head.join(', ')}>
      <table class={props.stack ? 'stacked' : undefined}>
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
              {cells.map((cell, i) => (props.stack ? <td data-label={props.head[i]}><div>{cell}</div></td> : <td>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
