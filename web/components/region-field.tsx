/**
 * The region when the operator lists regions (SITE_CONFIG `regions`): a
 * select of the listed places, and below it a free-text box for a place the
 * list lacks. Both post without JavaScript: `region` is the chosen place,
 * `regionOther` the typed one, used when nothing is chosen (the server maps
 * typed spellings of a listed place to that place: server/services/regions.ts).
 *
 * Rendered as static HTML — by the report page into the report island's
 * `region` slot, and by the server for the form without JavaScript — so the
 * list and its messages cost the island no JavaScript.
 */
import type { JSX } from 'preact';
import type { RegionChoice } from '../../contract/operator-profile';
import { fieldId } from '../../contract/field-names';
import { LIMITS, REGION_OTHER_FIELD } from '../../contract/report-fields';
import type { FieldText } from '../i18n/types';
import type { ProfileMessages } from './operator-profile';

export const REGION_OTHER_ID = 'f-region-other';

export interface RegionFieldProps {
  /** The region field's label and hint (the report messages). */
  text: FieldText;
  m: Pick<ProfileMessages, 'regionChoose' | 'regionOther' | 'regionOtherHint'>;
  regions: readonly RegionChoice[];
  /** The region as sent: a listed value selects it, anything else fills the free-text box. */
  value?: string | undefined;
  /** The field's problem, already in words. */
  problem?: string | undefined;
}

export function RegionField(props: RegionFieldProps): JSX.Element {
  const id = fieldId('region');
  const value = props.value?.trim() ?? '';
  const listed = props.regions.some((region) => region.value === value);
  const hintId = props.text.hint !== undefined ? `${id}-hint` : undefined;
  const errorId = props.problem !== undefined ? `${id}-error` : undefined;
  const otherHintId = `${REGION_OTHER_ID}-hint`;
  return (
    <div class={props.problem !== undefined ? 'field field-invalid region-field' : 'field region-field'}>
      <label for={id}>{props.text.label}</label>
      {hintId !== undefined && (
        <p class="hint" id={hintId}>
          {props.text.hint}
        </p>
      )}
      {errorId !== undefined && (
        <p class="field-error" id={errorId}>
          {props.problem}
        </p>
      )}
      <select id={id} name="region" aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
        <option value="">{props.m.regionChoose}</option>
        {props.regions.map((region) => (
          <option key={region.value} value={region.value} selected={listed && region.value === value}>
            {region.label}
          </option>
        ))}
      </select>
      <label for={REGION_OTHER_ID} class="label-secondary">
        {props.m.regionOther}
      </label>
      <p class="hint" id={otherHintId}>
        {props.m.regionOtherHint}
      </p>
      <input
        type="text"
        id={REGION_OTHER_ID}
        name={REGION_OTHER_FIELD}
        value={listed ? '' : value}
        maxLength={LIMITS.region.max}
        aria-describedby={otherHintId}
      />
    </div>
  );
}
