import type { JSX } from 'preact';

export const ERROR_SUMMARY_ID = 'error-summary';

/** The list of problems at the top of a form, each linking to its field. */
export function ErrorSummary(props: { title: string; items: { href: string; text: string }[] }): JSX.Element {
  return (
    <div class="error-summary" id={ERROR_SUMMARY_ID} role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{props.title}</h2>
      <ul>
        {props.items.map((item) => (
          <li key={item.href}>
            <a href={item.href}>{item.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The space-separated ids for aria-describedby, or undefined when there are none. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}
