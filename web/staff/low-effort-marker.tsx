/**
 * The low-effort marker as staff see it: a word in a dashed box, so it is
 * told apart by its text and shape, never by colour alone.
 */
import type { JSX } from 'preact';

export function LowEffortMarker(props: { label: string }): JSX.Element {
  return <span class="low-effort-marker">{props.label}</span>;
}
