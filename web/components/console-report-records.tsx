/** A report's case records (notes, referrals, interference, contact reveals), oldest first. */
import type { ReportLabels, StaffReportMessages } from '../i18n/types';
import type { JSX } from 'preact';
import type { Lang } from '../i18n/lang';
import { formatTime } from '../staff/format';
import { fill } from '../i18n/fill';
import type { CaseRecordView } from '../staff/types';

function details(record: CaseRecordView, r: StaffReportMessages['records'], methods: ReportLabels['interferenceMethods']): [string, string | undefined][] {
  switch (record.kind) {
    case 'note':
      return [['', record.body]];
    case 'contact_reveal':
      return [[r.reason, record.reason]];
    case 'referral':
      return [
        [r.agency, record.agency],
        [r.reference, record.reference],
        [r.date, record.date],
      ];
    case 'interference':
      // Version 1 entries were free text: shown as they were written.
      if (record.version === 1) {
        return [
          [r.who, record.who],
          [r.when, record.when],
          [r.how, record.how],
          [r.outcome, record.outcome],
        ];
      }
      return [
        [r.name, record.who.name],
        [r.position, record.who.position],
        [r.unit, record.who.unit],
        [r.when, whenText(record.when)],
        [r.how, methods[record.how]],
        [r.asked, record.asked],
        [r.reportedToSuperior, record.reportedToSuperior ? r.yes : r.no],
        [r.followUp, record.followUp],
      ];
  }
}

/** A structured entry's day, with the free-text note about the time beside it. */
export function whenText(when: { date: string; note?: string | undefined }): string {
  return when.note === undefined ? when.date : `${when.date} (${when.note})`;
}

export function RecordList(props: { lang: Lang; m: StaffReportMessages; methods: ReportLabels['interferenceMethods']; records: CaseRecordView[] }): JSX.Element {
  const r = props.m.records;
  if (props.records.length === 0) return <p>{r.none}</p>;
  return (
    <ol class="records">
      {props.records.map((record, index) => (
        <li key={`${record.id}-${index}`} class={`record record-${record.kind}`}>
          <p class="message-meta">
            <strong>{r.kinds[record.kind]}</strong> · {fill(props.lang, r.byline, { name: record.by?.username ?? '—', time: formatTime(props.lang, record.at) })}
          </p>
          {details(record, r, props.methods)
            .filter((item): item is [string, string] => item[1] !== undefined && item[1] !== '')
            .map(([label, value]) =>
              label === '' ? (
                <p class="text-block">{value}</p>
              ) : (
                <p class="text-block">
                  <span class="record-label">{label}: </span>
                  {value}
                </p>
              ),
            )}
        </li>
      ))}
    </ol>
  );
}
