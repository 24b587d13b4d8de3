/** The form every report action uses: labelled fields, a submit button, and a live region for the answer. */
import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { ActionKey } from '../staff/report-actions';

export interface ActionResult {
  ok: boolean;
  text: string;
}

/** What every action form needs from the report island. */
export interface ActionContext {
  busy: ActionKey | null;
  busyLabel: string;
  results: Partial<Record<ActionKey, ActionResult>>;
  invalid: Partial<Record<ActionKey, string[]>>;
}

/** The answer to the last run of an action: role=status on success, role=alert on failure. */
export function ActionAnswer(props: { action: ActionKey; result: ActionResult | undefined }): JSX.Element {
  const { result } = props;
  return (
    <div aria-live="polite">
      {result !== undefined && (
        <p id={`result-${props.action}`} tabIndex={-1} role={result.ok ? 'status' : 'alert'} class={result.ok ? 'notice' : 'form-failure'}>
          {result.text}
        </p>
      )}
    </div>
  );
}

interface FormProps {
  action: ActionKey;
  ctx: ActionContext;
  heading: string;
  submit: string;
  intro?: string | undefined;
  /** Starts folded behind a disclosure button named by the heading, so the page is not a column of open forms. */
  collapsible?: boolean;
  /** Buttons beside the submit button. */
  extra?: ComponentChildren;
  children: ComponentChildren;
}

/** An action's sub-section: h3, form (submitted through the island's delegated handler), answer. */
export function ActionForm(props: FormProps): JSX.Element {
  const { action, ctx } = props;
  const busy = ctx.busy === action;
  const [open, setOpen] = useState(props.collapsible !== true);
  const formId = `form-${action}`;
  return (
    <section class="action">
      <h3 id={`h-${action}`}>
        {props.collapsible === true ? (
          <button type="button" class="disclosure" aria-expanded={open ? 'true' : 'false'} aria-controls={formId} onClick={() => setOpen(!open)}>
            {props.heading}
          </button>
        ) : (
          props.heading
        )}
      </h3>
      {/* Hidden, not removed: what was typed survives folding. */}
      <div id={formId} hidden={!open}>
        {props.intro !== undefined && <p class="hint">{props.intro}</p>}
        <form method="post" data-action={action} noValidate>
          {props.children}
          <p class="actions">
            <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
              {busy ? ctx.busyLabel : props.submit}
            </button>
            {props.extra}
          </p>
        </form>
      </div>
      <ActionAnswer action={action} result={ctx.results[action]} />
    </section>
  );
}

interface FieldProps {
  action: ActionKey;
  ctx: ActionContext;
  name: string;
  label: string;
  hint?: string | undefined;
  kind?: 'text' | 'textarea' | 'date' | 'select' | 'number' | 'checkbox';
  required?: boolean;
  defaultValue?: string;
  /** For a checkbox: whether it starts ticked (and is ticked again when the form resets). */
  defaultChecked?: boolean;
  maxLength?: number;
  /** For selects: value, label and whether it starts selected. */
  options?: { value: string; label: string; selected?: boolean }[];
}

/** One labelled field with its hint; marked invalid when the last attempt named it. */
export function Field(props: FieldProps): JSX.Element {
  const { action, name, kind = 'text' } = props;
  const id = `f-${action}-${name}`;
  const hintId = props.hint === undefined ? undefined : `${id}-hint`;
  const invalid = props.ctx.invalid[action]?.includes(name) === true;
  const common = {
    id,
    name,
    'aria-describedby': hintId,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-required': props.required === true ? ('true' as const) : undefined,
  };
  if (kind === 'checkbox') {
    return (
      <div class="checkbox">
        <input {...common} type="checkbox" value="on" defaultChecked={props.defaultChecked === true} />
        <label for={id}>{props.label}</label>
        {hintId !== undefined && (
          <p class="hint" id={hintId}>
            {props.hint}
          </p>
        )}
      </div>
    );
  }
  return (
    <div class={invalid ? 'field field-invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      {hintId !== undefined && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {kind === 'textarea' ? (
        <textarea {...common} rows={4} defaultValue={props.defaultValue} maxLength={props.maxLength} />
      ) : kind === 'select' ? (
        <select {...common}>
          {(props.options ?? []).map((o) => (
            <option value={o.value} selected={o.selected === true}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={kind === 'number' ? 'text' : kind}
          inputMode={kind === 'number' ? 'numeric' : undefined}
          defaultValue={props.defaultValue}
          maxLength={props.maxLength}
        />
      )}
    </div>
  );
}
