/**
 * The audit trail, newest first, with the hash chain's verification result
 * and the signed checkpoints' (computed by the server over the whole log on
 * every request) shown first.
 */
import type { AuditMessages, ConsoleCatalogue } from '../i18n/types';
import { auditSentence } from './audit-sentence';
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Lang } from '../i18n/lang';
import { staffApi } from './api';
import { useFocusLater } from './focus-later';
import { errorText, formatTime, leaveIfSignedOut } from './format';
import { csvBlob, type CsvCell } from './csv';
import { DataTable } from './data-table';
import type { AuditChain as Chain, AuditCheckpointStatus, AuditEntry } from '../../contract/schemas/staff-oversight-views';
import { fill } from '../i18n/fill';

interface Props {
  lang: Lang;
  /** The whole console catalogue: an entry's sentence names statuses, priorities, outcomes and roles with their labels. */
  c: ConsoleCatalogue;
}

const PAGE_SIZE = 25;

const SECOND_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Detail as `key: value` pairs; times (e.g. when a window of failed sign-ins began) in the page's language. */
function detailText(lang: Lang, detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value !== 'string' ? JSON.stringify(value) : SECOND_ISO.test(value) ? formatTime(lang, value) : value}`)
    .join(', ');
}

/** Failed sign-ins and recoveries, counted per window (server/services/failed-sign-ins.ts). */
const FAILURE_ACTIONS = new Set(['login.failed', 'recovery.failed']);

/** Who the entry is about: a member, the system, or (for counted failures) usernames that are no account. */
function actorText(m: AuditMessages['trail'], entry: AuditEntry): string {
  if (entry.actorUsername !== null) return entry.actorUsername;
  if (entry.actorStaffId !== null) return `#${entry.actorStaffId}`;
  return FAILURE_ACTIONS.has(entry.action) ? m.unknownUsernames : m.system;
}

/** The entries shown, for a spreadsheet: times as ISO (UTC), the sentence and the action code side by side, and each entry's hash. */
export function auditCsvRows(lang: Lang, catalogue: ConsoleCatalogue, entries: readonly AuditEntry[]): CsvCell[][] {
  const m = catalogue.audit.trail;
  const c = m.columns;
  return [
    [c.id, c.at, c.actor, c.action, m.codeColumn, c.report, c.channel, c.detail, m.hashColumn],
    ...entries.map((entry) => [
      entry.id,
      entry.at,
      actorText(m, entry),
      auditSentence(lang, catalogue, entry),
      entry.action,
      entry.reportId,
      entry.channelId,
      JSON.stringify(entry.detail),
      entry.hash,
    ]),
  ];
}

function ChainStatus(props: { lang: Lang; m: AuditMessages['chain']; chain: Chain }): JSX.Element {
  const { lang, m, chain } = props;
  if (chain.ok) {
    return (
      <p class="chain chain-ok" role="status">
        {fill(lang, m.verified, { count: chain.entries })}
      </p>
    );
  }
  return (
    <div class="chain chain-broken" role="alert">
      <p>
        <strong>{fill(lang, m.broken, { entryId: String(chain.brokenAtId ?? chain.entries) })}</strong>
      </p>
      <p>{m.brokenAdvice}</p>
    </div>
  );
}

/** The signed checkpoints: verified (how many, the latest), none yet, or not matching the trail. */
function CheckpointStatus(props: { lang: Lang; m: AuditMessages['chain']; status: AuditCheckpointStatus }): JSX.Element {
  const { lang, m, status } = props;
  if (!status.ok) {
    return (
      <div class="chain chain-broken" role="alert">
        <p>
          <strong>{m.checkpointsBroken}</strong>
        </p>
        <p>{m.checkpointsAdvice}</p>
      </div>
    );
  }
  return (
    <p class="chain chain-ok" role="status">
      {status.latest === null
        ? m.noCheckpoint
        : fill(lang, m.checkpointsVerified, { count: status.count, entries: status.latest.entries, time: formatTime(lang, status.latest.time) })}
    </p>
  );
}

export function AuditTrail(props: Props): JSX.Element {
  const { lang, c: catalogue } = props;
  const common = catalogue.common;
  const m = catalogue.audit.trail;
  const [chain, setChain] = useState<Chain | null>(null);
  const [checkpoints, setCheckpoints] = useState<AuditCheckpointStatus | null>(null);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [busy, setBusy] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const focusLater = useFocusLater();

  const load = async (before: number | null): Promise<void> => {
    setBusy(true);
    setFailure(null);
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (before !== null) query.set('before', String(before));
    const result = await staffApi('GET', `audit?${query}`);
    setBusy(false);
    if (!result.ok) {
      if (!leaveIfSignedOut(lang, result)) setFailure(result.status === 403 ? catalogue.audit.notForRole : errorText(common, result.code));
      return;
    }
    setChain(result.data.chain);
    setCheckpoints(result.data.checkpoints);
    const first = result.data.entries[0];
    if (before !== null && first !== undefined) focusLater(`audit-${first.id}`);
    setEntries((shown) => (before === null ? result.data.entries : [...shown, ...result.data.entries]));
    setNext(result.data.nextBefore);
  };

  useEffect(() => {
    void load(null);
  }, []);

  const csvUrl = useMemo(() => (entries.length === 0 ? null : URL.createObjectURL(csvBlob(auditCsvRows(lang, catalogue, entries)))), [entries]);
  useEffect(() => () => {
    if (csvUrl !== null) URL.revokeObjectURL(csvUrl);
  }, [csvUrl]);

  const c = m.columns;
  return (
    <section aria-labelledby="trail-heading">
      <h2 id="trail-heading">{m.heading}</h2>
      {chain !== null && <ChainStatus lang={lang} m={catalogue.audit.chain} chain={chain} />}
      {checkpoints !== null && <CheckpointStatus lang={lang} m={catalogue.audit.chain} status={checkpoints} />}
      {failure !== null && (
        <p class="form-failure" role="alert">
          {failure}
        </p>
      )}
      {csvUrl !== null && (
        <>
          <div class="toolbar">
            <a class="button button-secondary" href={csvUrl} download={`${m.fileName}-${new Date().toISOString().slice(0, 10)}.csv`} aria-describedby="trail-export-hint">
              {m.exportCsv}
            </a>
          </div>
          <p class="hint" id="trail-export-hint">
            {m.exportHint}
          </p>
        </>
      )}
      {/* The whole trail for a supervising body, signed by the server (GET /api/staff/reports-upward/audit-export, audited). */}
      <div class="toolbar">
        <a class="button button-secondary" href="/api/staff/reports-upward/audit-export" download aria-describedby="trail-upward-hint">
          {m.upwardExport}
        </a>
      </div>
      <p class="hint" id="trail-upward-hint">
        {m.upwardExportHint}
      </p>
      {busy && entries.length === 0 && <p role="status">{common.loading}</p>}
      {!busy && failure === null && entries.length === 0 && <p>{m.empty}</p>}
      {entries.length > 0 && (
        <DataTable
          captionId="trail-caption"
          caption={m.caption}
          columns={[c.id, c.at, c.actor, c.action, c.report, c.channel, c.detail]}
          rows={entries}
          rowKey={(entry) => entry.id}
          cells={(entry) => (
            <>
              <th scope="row" id={`audit-${entry.id}`} tabIndex={-1}>
                {entry.id}
              </th>
              <td>{formatTime(lang, entry.at)}</td>
              <td>{actorText(m, entry)}</td>
              <td>
                {auditSentence(lang, catalogue, entry)}
                <code class="block small" title={m.values.code}>
                  {entry.action}
                </code>
              </td>
              <td>{entry.reportId ?? ''}</td>
              <td>{entry.channelId ?? ''}</td>
              <td class="detail">{detailText(lang, entry.detail)}</td>
            </>
          )}
        />
      )}
      {next !== null && (
        <button type="button" class="button button-secondary" aria-disabled={busy ? 'true' : undefined} onClick={() => busy || void load(next)}>
          {m.loadMore}
        </button>
      )}
    </section>
  );
}
