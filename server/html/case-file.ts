/**
 * case.html of a referral package: the lead as a printable case file in one
 * language, for an authority that has no Tipline. Self-contained on
 * purpose: inline CSS only, no script, no image, no link to anything, so it
 * opens the same offline, years later, and cannot call home. Every value is
 * escaped. Labels come from the console catalogue (web/i18n/<lang>/console.json).
 *
 * Contact details appear only when the caseworker included them with a
 * reason; earlier contact-reveal records are left out (their reasons are
 * about the reporter, not the case).
 */
import { messagesFor } from '../../web/i18n';
import { fill, labelOf } from '../../web/i18n/fill';
import type { Lang } from '../../contract/languages';
import type { CaseRecordView, CaseView, ContactDetails, SignatureView } from '../../contract/schemas/staff-views';

export interface CaseFileInput {
  view: CaseView;
  language: Lang;
  authority: { name: string; jurisdiction: string };
  createdAt: string;
  createdBy: string;
  instanceKey: string;
  /** Evidence files in package order, with their path in the package. */
  evidence: { path: string; name: string; size: number; sha256: string; type: string }[];
  /** Only when included with a reason. */
  contact: { details: ContactDetails; reason: string } | null;
}

const STYLE = `body{font:11pt/1.5 system-ui,"Noto Sans CJK TC","Noto Sans CJK SC",sans-serif;max-width:50em;margin:2em auto;padding:0 1em;color:#111}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #999;margin-top:2em}h3{font-size:1em}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}dt{font-weight:bold}dd{margin:0;white-space:pre-wrap}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3em;text-align:left;vertical-align:top}
code{font-family:ui-monospace,monospace;word-break:break-all}.text{white-space:pre-wrap}.record,.message{border-left:3px solid #999;padding-left:.8em;margin:1em 0}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}.record,.message,tr{break-inside:avoid}}`;

/** HTML-escape text (element content and attribute values alike). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A stored UTC time ("2026-11-28T06:00:00Z") as "2026-11-28 06:00 UTC": the same for every reader. */
function time(iso: string | null): string {
  if (iso === null) return '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

function definitions(rows: readonly (readonly [string, string | null | undefined])[]): string {
  const items = rows.filter((row): row is readonly [string, string] => row[1] !== undefined && row[1] !== null && row[1] !== '');
  return `<dl>${items.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`;
}

type Console = ReturnType<typeof messagesFor>['console'];

/** A signed decision's check as the instance made it when exporting (the package's records/ let the reader check it again). */
function signatureLine(lang: Lang, c: Console, signature: SignatureView | null | undefined): string {
  if (signature === null || signature === undefined) return '';
  const words = c.report.records.signature;
  const text = signature.verified
    ? fill(lang, words.verified, { name: signature.signer?.username ?? '', time: time(signature.at) })
    : fill(lang, words.failed, { problem: signature.problem === null ? '' : labelOf(words.problems, signature.problem) });
  return `<p>${escapeHtml(text)}</p>`;
}

function recordHtml(lang: Lang, c: Console, record: Exclude<CaseRecordView, { kind: 'contact_reveal' }>): string {
  const r = c.report.records;
  const byline = fill(lang, r.byline, { name: record.by?.username ?? '', time: time(record.at) });
  let rows: [string, string | undefined][];
  if (record.kind === 'note') rows = [[c.report.note.label, record.body], [r.formal, record.formal === true ? r.yes : undefined]];
  else if (record.kind === 'closing') rows = [[r.closingOutcome, labelOf(c.labels.outcomes, record.outcome)]];
  else if (record.kind === 'referral') rows = [[r.agency, record.agency], [r.reference, record.reference], [r.date, record.date]];
  else if (record.version === 1) rows = [[r.who, record.who], [r.when, record.when], [r.how, record.how], [r.outcome, record.outcome]];
  else {
    rows = [
      [r.name, record.who.name],
      [r.position, record.who.position],
      [r.unit, record.who.unit],
      [r.when, [record.when.date, record.when.note].filter(Boolean).join(' — ')],
      [r.how, c.labels.interferenceMethods[record.how]],
      [r.asked, record.asked],
      [r.reportedToSuperior, record.reportedToSuperior ? r.yes : r.no],
      [r.followUp, record.followUp],
    ];
  }
  return `<div class="record"><h3>${escapeHtml(r.kinds[record.kind])} — ${escapeHtml(byline)}</h3>${definitions(rows)}${signatureLine(lang, c, record.signature)}</div>`;
}

/** The evidence files: path in the package, original name, size, type and SHA-256. */
function evidenceTable(pathLabel: string, files: Console['report']['files'], evidence: CaseFileInput['evidence']): string {
  const head = [pathLabel, files.size, files.type, files.sha256].map((label) => `<th>${escapeHtml(label)}</th>`).join('');
  const rows = evidence.map(
    (e) =>
      `<tr><td><code>${escapeHtml(e.path)}</code><br>${escapeHtml(e.name)}</td><td>${e.size}</td>` +
      `<td>${escapeHtml(e.type)}</td><td><code>${escapeHtml(e.sha256)}</code></td></tr>`,
  );
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The whole case file. */
export function renderCaseFile(input: CaseFileInput): string {
  const { view, language } = input;
  const c = messagesFor(language).console;
  const d = c.report.package.document;
  const f = c.report.fields;
  const content = c.report.content;
  const officials = view.content.officialsInvolved;
  const title = fill(language, d.title, { id: view.id });
  const records = view.caseRecords.filter((record): record is Exclude<CaseRecordView, { kind: 'contact_reveal' }> => record.kind !== 'contact_reveal');
  const files = c.report.files;
  const contact = c.report.contact;
  const parts = [
    `<h1>${escapeHtml(title)}</h1>`,
    definitions([
      [d.referredTo, input.authority.name],
      [d.jurisdiction, input.authority.jurisdiction],
      [d.prepared, time(input.createdAt)],
      [d.preparedBy, input.createdBy],
      [d.instanceKey, input.instanceKey],
    ]),
    `<p>${escapeHtml(d.verify)}</p>`,
    `<h2>${escapeHtml(c.report.overview)}</h2>`,
    definitions([
      [f.channel, view.channel],
      [f.category, labelOf(c.labels.categories, view.category)],
      [f.region, view.region ?? c.case.noRegion],
      [f.status, c.labels.statuses[view.status]],
      [f.outcome, view.outcome === null ? null : labelOf(c.labels.outcomes, view.outcome)],
      [f.priority, c.labels.priorities[view.priority]],
      [f.source, c.labels.sources[view.source]],
      [f.received, time(view.receivedAt)],
      [f.acknowledged, time(view.acknowledgedAt)],
      [f.closed, time(view.closedAt)],
    ]),
    `<h2>${escapeHtml(content.heading)}</h2>`,
    definitions([
      [content.details, view.content.details],
      [content.location, view.content.location],
      [content.subjects, view.content.subjects],
      [content.occurredAt, view.content.occurredAt],
      [content.officialsInvolved, officials === undefined ? undefined : (content.officials as Record<string, string>)[officials] ?? officials],
      [content.officialsDetails, view.content.officialsDetails],
      [content.discouraged, view.content.discouraged],
    ]),
    `<h2>${escapeHtml(contact.heading)}</h2>`,
    input.contact === null
      ? `<p>${escapeHtml(view.hasContact ? d.contactWithheld : contact.none)}</p>`
      : definitions([
          [contact.name, input.contact.details.name ?? contact.empty],
          [contact.phone, input.contact.details.phone ?? contact.empty],
          [contact.email, input.contact.details.email ?? contact.empty],
          [d.contactReason, input.contact.reason],
        ]),
    `<h2>${escapeHtml(c.report.messages.heading)}</h2>`,
    view.messages.length === 0
      ? `<p>${escapeHtml(c.report.messages.none)}</p>`
      : view.messages
          .map((m) => {
            const from = m.from === 'staff' ? c.report.messages.fromStaff : c.report.messages.fromReporter;
            return `<div class="message"><h3>${escapeHtml(from)} — ${escapeHtml(time(m.at))}</h3><p class="text">${escapeHtml(m.body)}</p></div>`;
          })
          .join(''),
    `<h2>${escapeHtml(c.report.records.heading)}</h2>`,
    records.length === 0 ? `<p>${escapeHtml(c.report.records.none)}</p>` : records.map((record) => recordHtml(language, c, record)).join(''),
    `<h2>${escapeHtml(files.heading)}</h2>`,
    input.evidence.length === 0
      ? `<p>${escapeHtml(files.none)}</p>`
      : evidenceTable(d.evidencePath, files, input.evidence),
  ];
  // The meta CSP keeps even a file opened from disk from loading anything.
  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style>`,
  ].join('');
  return `<!DOCTYPE html>\n<html lang="${language}"><head>${head}</head>\n<body>${parts.join('\n')}</body></html>\n`;
}
