/** Labelled form controls and result lines shared by the console's forms. */
import type { JSX } from 'preact';

/** Space-separated ids of the parts that exist, for aria-describedby. */
export function describedBy(...ids: (string | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => id !== undefined);
  return present.length > 0 ? present.join(' ') : undefined;
}

interface TextFieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'password' | 'date';
  autoComplete?: string;
}

/** A text input with its label, hint and error, wired for screen readers. */
export function TextField(props: TextFieldProps): JSX.Element {
  const { id, error } = props;
  const hintId = props.hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  return (
    <div class={error === undefined ? 'field' : 'field field-invalid'}>
      <label for={id}>{props.label}</label>
      {hintId !== undefined && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {errorId !== undefined && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
      <input
        type={props.type ?? 'text'}
        id={id}
        value={props.value}
        autoComplete={props.autoComplete ?? 'off'}
        spellcheck={false}
        aria-invalid={error === undefined ? undefined : 'true'}
        aria-describedby={describedBy(hintId, errorId)}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
    </div>
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  options: readonly { value: string; label: string }[];
  /** Text of a first, empty choice. */
  placeholder?: string;
  hint?: string | undefined;
}

/** A select with its label, hint and error. */
export function SelectField(props: SelectFieldProps): JSX.Element {
  const { id, error } = props;
  const hintId = props.hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  return (
    <div class={error === undefined ? 'field' : 'field field-invalid'}>
      <label for={id}>{props.label}</label>
      {hintId !== undefined && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {errorId !== undefined && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
      <select
        id={id}
        value={props.value}
        aria-invalid={error === undefined ? undefined : 'true'}
        aria-describedby={describedBy(hintId, errorId)}
        onChange={(event) => props.onValue(event.currentTarget.value)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export type Outcome = { ok: boolean; text: string } | null;

/** What the last action did: announced politely on success, at once on failure. */
export function OutcomeLine(props: { outcome: Outcome }): JSX.Element {
  const { outcome } = props;
  return (
    <div class="outcome" aria-live="polite">
      {outcome !== null &&
        (outcome.ok ? (
          <p class="notice">{outcome.text}</p>
        ) : (
          <p class="form-failure" role="alert">
            {outcome.text}
          </p>
        ))}
    </div>
  );
}
