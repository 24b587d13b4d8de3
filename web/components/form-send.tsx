import type { JSX } from 'preact';

/**
 * The end of a reporter form: what is happening while an island sends again
 * (a polite live region, present before it has anything to say), why sending
 * failed, and the button, which says it is busy rather than vanishing.
 */
export function FormSend(props: {
  label: string;
  busyLabel: string;
  busy?: boolean | undefined;
  progress?: string | undefined;
  failure?: string | undefined;
}): JSX.Element {
  return (
    <>
      <p class="form-progress" role="status">
        {props.progress}
      </p>
      {props.failure !== undefined && (
        <p class="form-failure" role="alert">
          {props.failure}
        </p>
      )}
      <button type="submit" class="button" aria-disabled={props.busy === true ? 'true' : undefined}>
        {props.busy === true ? props.busyLabel : props.label}
      </button>
    </>
  );
}
