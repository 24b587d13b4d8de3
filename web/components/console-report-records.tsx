/** A report's case records (notes, referrals, interference, contact reveals), oldest first. */
import type { StaffReportMessages } from '../i18n/types';
import type { JSX } from 'preact';
import type { Lang } from '../i18n/lang';
import { formatTime } from '../staff/format';
import { fill } from '../i18n/fill';
import type { CaseRecordView } from '../staff/types';

function details(record: CaseRecordView, r: StaffReportMessages['records']): [string, string | undefined][] {
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
      return [
        [r.who, record.who],
        [r.when, record.when],
        [r.how, record.how],
        [r.outcome, record.outcome],
      ];
  }
}

export function RecordList(props: { lang: Lang; m: StaffReportMessages; records: CaseRecordView[] }): JSX.Element {
  const r = props.m.records;
  if (props.records.length === 0) return <p>{r.none}</p>;
  return (
    <ol class="records">
      {props.records.map((record, index) => (
        <li key={`${record.id}-${index}`} class={`record record-${record.kind}`}>
          <p class="message-meta">
            <strong>{r.kinds[record.kind]}</strong> · {fill(props.lang, r.byline, { name: record.by?.username ?? '—', time: formatTime(props.lang, record.at) })}
          </p>
          {details(record, r)
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
