/**
 * Low-effort batches: the hours in which marked reports arrived, how many of
 * them nobody has worked on, and discarding those — one hour or a range of
 * hours — after a confirmation that says how many will go. The server
 * decides again what "nobody worked on" means when it deletes, so the count
 * it answers is the one shown afterwards.
 */
import type { AdminMessages, ConsoleMessages } from '../i18n/types';
import type { JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../i18n/lang';
import { MAX_DISCARD_PER_ACTION } from '../../contract/low-effort';
import type { LowEffortBatch } from './admin-data';
import { staffApi } from './api';
import { OutcomeLine, SelectField, type Outcome } from './form-parts';
import { errorText, formatTime, leaveIfSignedOut } from './format';
import { fill } from '../i18n/fill';
import { DataTable } from './data-table';

interface Props {
  lang: Lang;
  m: AdminMessages;
  common: ConsoleMessages;
}

/** A discard waiting for the admin's confirmation. */
interface Pending {
  from: string;
  to: string;
  count: number;
  /** Where focus goes back to on Cancel. */
  opener: HTMLElement | null;
}

const CONFIRM_ID = 'low-effort-confirm-heading';

/** What one discard did: nothing, or how many went and whether the range holds more. */
function doneText(lang: Lang, m: AdminMessages['lowEffort'], result: { discarded: number; more: boolean }): string {
  if (result.discarded === 0) return m.doneNone;
  return fill(lang, m.done, { count: result.discarded }) + (result.more ? m.doneMore : '');
}

export function AdminLowEffort(props: Props): JSX.Element {
  const { lang, common } = props;
  const m = props.m.lowEffort;
  const [batches, setBatches] = useState<LowEffortBatch[] | null>(null);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rangeError, setRangeError] = useState<string | undefined>(undefined);
  const confirmHeading = useRef<HTMLHeadingElement | null>(null);

  /** The newest page (`before` null) replaces the list; an older page is appended. */
  const load = useCallback(
    async (before: string | null): Promise<void> => {
      const result = await staffApi('GET', before === null ? 'admin/low-effort' : `admin/low-effort?before=${encodeURIComponent(before)}`);
      if (!result.ok) {
        if (!leaveIfSignedOut(lang, result)) setOutcome({ ok: false, text: errorText(common, result.code) });
        return;
      }
      setBatches((shown) => (before === null || shown === null ? result.data.batches : [...shown, ...result.data.batches]));
      setNextBefore(result.data.nextBefore);
    },
    [lang, common],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  useEffect(() => {
    if (pending !== null) confirmHeading.current?.focus();
  }, [pending]);

  const discardable = (batches ?? []).filter((batch) => batch.discardable > 0);
  // The range form offers the hours that have something to discard; by default all of them.
  const rangeFrom = from || discardable.at(-1)?.hour || '';
  const rangeTo = to || discardable[0]?.hour || '';

  const ask = (range: { from: string; to: string }, event: Event): void => {
    const count = discardable.filter((batch) => batch.hour >= range.from && batch.hour <= range.to).reduce((sum, batch) => sum + batch.discardable, 0);
    setOutcome(null);
    setPending({ ...range, count, opener: event.currentTarget instanceof HTMLElement ? event.currentTarget : null });
  };

  const askRange = (event: Event): void => {
    event.preventDefault();
    if (rangeFrom > rangeTo) {
      setRangeError(m.range.reversed);
      return;
    }
    setRangeError(undefined);
    ask({ from: rangeFrom, to: rangeTo }, event);
  };

  const cancel = (): void => {
    pending?.opener?.focus();
    setPending(null);
  };

  const confirm = async (): Promise<void> => {
    if (pending === null || busy) return;
    setBusy(true);
    const result = await staffApi('POST', 'admin/low-effort/discard', { from: pending.from, to: pending.to });
    setBusy(false);
    setPending(null);
    if (result.ok) {
      setOutcome({ ok: true, text: doneText(lang, m, result.data) });
      setFrom('');
      setTo('');
      void load(null);
      return;
    }
    if (leaveIfSignedOut(lang, result)) return;
    const tooLong = result.code === 'invalid_input' && result.fields?.['to'] !== undefined;
    setOutcome({ ok: false, text: tooLong ? m.range.tooLong : errorText(common, result.code) });
  };

  const hour = (iso: string): string => formatTime(lang, iso);
  const c = m.columns;
  return (
    <section aria-labelledby="low-effort-heading">
      <h2 id="low-effort-heading">{m.heading}</h2>
      <p>{m.intro}</p>
      <OutcomeLine outcome={outcome} />
      {pending !== null && (
        <div class="confirm" role="group" aria-labelledby={CONFIRM_ID}>
          <h3 id={CONFIRM_ID} tabIndex={-1} ref={confirmHeading}>
            {m.confirm.heading}
          </h3>
          <p>
            {fill(lang, m.confirm.text, {
              count: Math.min(pending.count, MAX_DISCARD_PER_ACTION),
              what: pending.from === pending.to ? fill(lang, m.confirm.hour, { hour: hour(pending.from) }) : fill(lang, m.confirm.between, { from: hour(pending.from), to: hour(pending.to) }),
            })}
          </p>
          {pending.count > MAX_DISCARD_PER_ACTION && <p>{fill(lang, m.confirm.capped, { cap: MAX_DISCARD_PER_ACTION, total: pending.count })}</p>}
          <p class="actions">
            <button type="button" class="button" aria-disabled={busy ? 'true' : undefined} onClick={() => void confirm()}>
              {m.confirm.yes}
            </button>{' '}
            <button type="button" class="button button-secondary" onClick={cancel}>
              {m.confirm.cancel}
            </button>
          </p>
        </div>
      )}
      {batches === null ? (
        <p role="status">{common.loading}</p>
      ) : batches.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <>
          <DataTable
            captionId="low-effort-caption"
            caption={m.caption}
            columns={[c.hour, c.marked, c.discardable, c.action]}
            rows={batches}
            rowKey={(batch) => batch.hour}
            cells={(batch) => (
              <>
                <th scope="row">{hour(batch.hour)}</th>
                <td>{batch.marked}</td>
                <td>{batch.discardable}</td>
                <td>
                  {batch.discardable === 0 ? (
                    m.nothingToDiscard
                  ) : (
                    <button
                      type="button"
                      class="button button-secondary button-small"
                      aria-label={fill(lang, m.discardNamed, { hour: hour(batch.hour), count: batch.discardable })}
                      aria-disabled={busy ? 'true' : undefined}
                      onClick={(event) => ask({ from: batch.hour, to: batch.hour }, event)}
                    >
                      {m.discard}
                    </button>
                  )}
                </td>
              </>
            )}
          />
          {nextBefore !== null && (
            <p>
              <button type="button" class="button button-secondary" onClick={() => void load(nextBefore)}>
                {m.older}
              </button>
            </p>
          )}
          {discardable.length > 1 && (
            <form class="admin-form" aria-labelledby="low-effort-range-heading" noValidate onSubmit={askRange}>
              <h3 id="low-effort-range-heading">{m.range.heading}</h3>
              <p class="hint">{m.range.hint}</p>
              <SelectField
                id="low-effort-from"
                label={m.range.from}
                value={rangeFrom}
                onValue={setFrom}
                error={rangeError}
                options={discardable.map((batch) => ({ value: batch.hour, label: hour(batch.hour) }))}
              />
              <SelectField id="low-effort-to" label={m.range.to} value={rangeTo} onValue={setTo} options={discardable.map((batch) => ({ value: batch.hour, label: hour(batch.hour) }))} />
              <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
                {m.range.submit}
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
