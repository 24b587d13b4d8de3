/**
 * The case page's keyboard shortcuts: which key means what, and the help
 * dialog that lists them. A key typed into a field, or pressed with Ctrl,
 * Alt or Meta, is never a shortcut.
 */
import type { JSX } from 'preact';
import type { StaffReportMessages } from '../i18n/types';

export type Shortcut = 'next' | 'previous' | 'reply' | 'help';

const KEYS: Readonly<Record<string, Shortcut>> = { j: 'next', n: 'next', k: 'previous', p: 'previous', r: 'reply', '?': 'help' };

/** True when the key goes into something the person is typing in. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The shortcut a key press means, or null. */
export function shortcutOf(event: KeyboardEvent): Shortcut | null {
  if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented || typing(event.target)) return null;
  // An open dialog (this help, say) keeps its keys.
  if (event.target instanceof Element && event.target.closest('dialog[open]') !== null) return null;
  return KEYS[event.key] ?? null;
}

/** The list of keys in a modal dialog: Escape or the Close button shut it. */
export function ShortcutHelp(props: { m: StaffReportMessages['shortcuts']; dialogRef: (dialog: HTMLDialogElement | null) => void }): JSX.Element {
  const { m } = props;
  const rows: [string, string][] = [
    ['j / n', m.next],
    ['k / p', m.previous],
    ['r', m.reply],
    ['?', m.help],
  ];
  return (
    <dialog class="shortcut-help" ref={props.dialogRef} aria-labelledby="shortcut-help-heading">
      <h2 id="shortcut-help-heading">{m.heading}</h2>
      <p>{m.intro}</p>
      <dl class="facts">
        {rows.map(([keys, what]) => (
          <div>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" class="button">
          {m.close}
        </button>
      </form>
    </dialog>
  );
}
