/**
 * The interference register: a form to record an entry for a lead by its
 * number, then every interference record in the caller's channels
 * (GET /api/staff/interference) in structured columns, filterable by channel,
 * paged with "Load more", and exported as CSV built here from the loaded
 * records. Free-text entries from before (version 1) fill the columns they
 * can and leave the rest empty.
 */
import type { ConsoleMessages, RegistersMessages, ReportLabels, StaffReportMessages } from '../i18n/types';
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang } from '../i18n/lang';
import { staffApi } from './api';
import { csvBlob, type CsvCell } from './csv';
import { SelectField } from './form-parts';
import { useFocusLater } from './focus-later';
import { channelName, channelNameOf, errorText, formatTime, leaveIfSignedOut } from './format';
import { reportHref, type StaffChannel } from './session';
import { DataTable } from './data-table';
import type { InterferenceEntry } from '../../contract/schemas/staff-views';
import { fill } from '../i18n/fill';
import { whenText } from '../components/console-report-records';
import { InterferenceEntryForm } from './interference-entry-form';

interface Props {
  lang: Lang;
  m: RegistersMessages;
  common: ConsoleMessages;
  /** The case page's interference messages: the entry form's fields are the same. */
  report: StaffReportMessages;
  methods: ReportLabels['interferenceMethods'];
  channels: readonly StaffChannel[];
}

const PAGE_SIZE = 50;

/** One entry's structured columns, after the record, lead and channel; a version 1 entry's free text goes where it belongs, the rest left empty. */
function entryCells(m: RegistersMessages['interference'], methods: ReportLabels['interferenceMethods'], r: InterferenceEntry): (string | undefined)[] {
  if (r.version === 1) return [r.who, undefined, undefined, r.when, r.how, undefined, undefined, r.outcome];
  return [r.who.name, r.who.position, r.who.unit, whenText(r.when), methods[r.how], r.asked, r.reportedToSuperior ? m.yes : m.no, r.followUp];
}

/** The header row, in the order of the cells. */
function columnsOf(m: RegistersMessages['interference']): string[] {
  const c = m.columns;
  return [c.id, c.report, c.channel, c.who, c.position, c.unit, c.when, c.how, c.asked, c.reportedToSuperior, c.followUp, c.by, c.at, c.signature];
}

/** The server's check of an entry's signature in words (簽字確認); empty for an entry recorded before signing. */
function signatureText(lang: Lang, s: StaffReportMessages['records']['signature'], r: InterferenceEntry): string {
  const signature = r.signature;
  if (signature == null) return '';
  if (signature.verified && signature.signer !== null && signature.at !== null) {
    return fill(lang, s.verified, { name: signature.signer.username, time: formatTime(lang, signature.at) });
  }
  return `${fill(lang, s.failed, { problem: s.problems[signature.problem ?? 'bad_signature'] })} ${s.advice}`;
}

/** The records as spreadsheet rows: channels and methods by their names in the page's language, as on screen. */
function csvRows(
  lang: Lang,
  m: RegistersMessages['interference'],
  methods: ReportLabels['interferenceMethods'],
  channels: readonly StaffChannel[],
  records: readonly InterferenceEntry[],
  s: StaffReportMessages['records']['signature'],
): CsvCell[][] {
  return [
    columnsOf(m),
    ...records.map((r) => [r.id, r.reportId, channelNameOf(lang, channels, r.channel), ...entryCells(m, methods, r), r.by?.username, r.at, signatureText(lang, s, r)]),
  ];
}

export function InterferenceRegister(props: Props): JSX.Element {
  const { lang, common } = props;
  const m = props.m.interference;
  const [channel, setChannel] = useState('');
  const [records, setRecords] = useState<InterferenceEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  // Answers to an earlier filter are dropped when they arrive late.
  const request = useRef(0);
  const focusLater = useFocusLater();

  const load = async (filter: string, cursor: string | null): Promise<void> => {
    const ticket = ++request.current;
    setBusy(true);
    setFailure(null);
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (filter !== '') query.set('channel', filter);
    if (cursor !== null) query.set('cursor', cursor);
    const result = await staffApi('GET', `interference?${query}`);
    if (ticket !== request.current) return;
    setBusy(false);
    if (!result.ok) {
      if (!leaveIfSignedOut(lang, result)) setFailure(errorText(common, result.code));
      return;
    }
    const first = result.data.records[0];
    if (cursor !== null && first !== undefined) focusLater(`interference-${first.id}`);
    setRecords((shown) => (cursor === null ? result.data.records : [...shown, ...result.data.records]));
    setNext(result.data.nextCursor);
  };

  useEffect(() => {
    setRecords([]);
    setNext(null);
    void load(channel, null);
  }, [channel]);

  const csvUrl = useMemo(
    () => (records.length === 0 ? null : URL.createObjectURL(csvBlob(csvRows(lang, m, props.methods, props.channels, records, props.report.records.signature)))),
    [records, m, lang, props.methods, props.channels],
  );
  useEffect(() => () => {
    if (csvUrl !== null) URL.revokeObjectURL(csvUrl);
  }, [csvUrl]);
  const fileName = `${m.fileName}-${channel === '' ? 'all' : channel}-${new Date().toISOString().slice(0, 10)}.csv`;

  return (
    <section aria-labelledby="interference-heading">
      <h2 id="interference-heading">{m.heading}</h2>
      <p>{m.intro}</p>
      <InterferenceEntryForm
        lang={lang}
        common={common}
        m={m.entry}
        fields={props.report.interference}
        fixFields={props.report.fixFields}
        busyLabel={props.report.busy}
        methods={props.methods}
        onRecorded={() => void load(channel, null)}
      />
      <div class="toolbar">
        <SelectField
          id="interference-channel"
          label={m.channel}
          value={channel}
          onValue={setChannel}
          options={[{ value: '', label: m.allChannels }, ...props.channels.map((ch) => ({ value: ch.slug, label: channelName(lang, ch) }))]}
        />
        {csvUrl !== null && (
          <a class="button button-secondary" href={csvUrl} download={fileName} aria-describedby="interference-export-hint">
            {m.exportCsv}
          </a>
        )}
      </div>
      {csvUrl !== null && (
        <p class="hint" id="interference-export-hint">
          {m.exportHint}
        </p>
      )}
      {failure !== null && (
        <p class="form-failure" role="alert">
          {failure}
        </p>
      )}
      <p role="status">{busy ? common.loading : records.length === 0 ? m.empty : fill(lang, next === null ? m.shown : m.shownMore, { count: records.length })}</p>
      {records.length > 0 && (
        <DataTable
          captionId="interference-caption"
          caption={m.caption}
          columns={columnsOf(m)}
          rows={records}
          rowKey={(r) => r.id}
          cells={(r) => (
            <>
              <th scope="row" id={`interference-${r.id}`} tabIndex={-1}>
                {r.id}
              </th>
              <td>
                <a href={reportHref(lang, r.reportId)}>{fill(lang, props.m.reportLink, { id: String(r.reportId) })}</a>
              </td>
              <td>{channelNameOf(lang, props.channels, r.channel)}</td>
              {entryCells(m, props.methods, r).map((cell) => (
                <td class="text-block">{cell ?? ''}</td>
              ))}
              <td>{r.by?.username ?? ''}</td>
              <td>{formatTime(lang, r.at)}</td>
              <td class={r.signature?.verified === false ? 'form-failure' : undefined}>{signatureText(lang, props.report.records.signature, r)}</td>
            </>
          )}
        />
      )}
      {next !== null && (
        <button type="button" class="button button-secondary" aria-disabled={busy ? 'true' : undefined} onClick={() => busy || void load(channel, next)}>
          {m.loadMore}
        </button>
      )}
    </section>
  );
}
