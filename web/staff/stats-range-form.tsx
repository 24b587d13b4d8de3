/** The statistics page's range of days: two date fields, Show, and a way back to every day. */
import type { AuditMessages } from '../i18n/types';
import { fill } from '../i18n/fill';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Lang } from '../i18n/lang';
import { TextField } from './form-parts';

export interface DayRange {
  /** YYYY-MM-DD, or '' for an open end. */
  from: string;
  to: string;
}

interface Props {
  lang: Lang;
  m: AuditMessages['stats']['range'];
  shown: DayRange;
  onShow: (range: DayRange) => void;
}

/** The sentence saying which days the page counts. */
export function rangeSentence(lang: Lang, m: Props['m'], range: DayRange): string {
  if (range.from !== '' && range.to !== '') return fill(lang, m.between, { from: range.from, to: range.to });
  if (range.from !== '') return fill(lang, m.since, { from: range.from });
  if (range.to !== '') return fill(lang, m.until, { to: range.to });
  return m.allShown;
}

export function StatsRangeForm(props: Props): JSX.Element {
  const { m } = props;
  const [range, setRange] = useState<DayRange>(props.shown);
  const [reversed, setReversed] = useState(false);
  const open = props.shown.from === '' && props.shown.to === '';

  const submit = (event: JSX.TargetedEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const wrong = range.from !== '' && range.to !== '' && range.from > range.to;
    setReversed(wrong);
    if (!wrong) props.onShow(range);
  };
  const showAll = (): void => {
    setRange({ from: '', to: '' });
    setReversed(false);
    props.onShow({ from: '', to: '' });
  };

  return (
    <form class="stats-range" aria-labelledby="stats-range-legend" onSubmit={submit} noValidate>
      <fieldset>
        <legend id="stats-range-legend">{m.legend}</legend>
        <p class="hint">{m.hint}</p>
        <TextField id="stats-from" label={m.from} type="date" value={range.from} onValue={(from) => setRange({ ...range, from })} />
        <TextField
          id="stats-to"
          label={m.to}
          type="date"
          value={range.to}
          error={reversed ? m.reversed : undefined}
          onValue={(to) => setRange({ ...range, to })}
        />
        <div class="toolbar">
          <button type="submit" class="button">
            {m.show}
          </button>
          {!open && (
            <button type="button" class="button button-secondary" onClick={showAll}>
              {m.all}
            </button>
          )}
        </div>
      </fieldset>
    </form>
  );
}
