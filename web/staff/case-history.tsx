/**
 * A lead's history on its case page: its own audit entries (GET
 * /reports/:id/audit), newest first, each as a sentence with who and when,
 * and older pages on request. Ids and actions only, as the trail holds them.
 */
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Lang } from '../i18n/lang';
import type { ConsoleCatalogue } from '../i18n/types';
import type { AuditEntry } from '../../contract/schemas/staff-oversight-views';
import { staffApi } from './api';
import { auditSentence } from './audit-sentence';
import { errorText, formatTime } from './format';

interface Props {
  lang: Lang;
  catalogue: ConsoleCatalogue;
  reportId: number;
  /** Changes after each action on the page, so the list is fetched again with it. */
  version: number;
}

export function CaseHistory({ lang, catalogue, reportId, version }: Props): JSX.Element {
  const h = catalogue.report.history;
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = async (before: number | null): Promise<void> => {
    const result = await staffApi('GET', `reports/${reportId}/audit${before === null ? '' : `?before=${before}`}`, undefined, { background: true });
    if (!result.ok) {
      setFailure(errorText(catalogue.common, result.code));
      return;
    }
    setFailure(null);
    setEntries((old) => (before === null ? result.data.entries : [...(old ?? []), ...result.data.entries]));
    setNext(result.data.nextBefore);
  };

  useEffect(() => {
    void load(null);
  }, [reportId, version]);

  return (
    <section class="case-section" aria-labelledby="h-history">
      <h2 id="h-history">{h.heading}</h2>
      <p class="hint">{h.intro}</p>
      {failure !== null && (
        <p class="form-failure" role="alert">
          {failure}
        </p>
      )}
      {entries === null ? (
        failure === null && <p>{catalogue.common.loading}</p>
      ) : entries.length === 0 ? (
        <p>{h.none}</p>
      ) : (
        <ol class="history">
          {entries.map((entry) => (
            <li key={entry.id}>
              <p class="message-meta">
                <strong>{entry.actorUsername ?? h.system}</strong> · {formatTime(lang, entry.at)}
              </p>
              <p>{auditSentence(lang, catalogue, entry)}</p>
            </li>
          ))}
        </ol>
      )}
      {next !== null && (
        <p class="no-print">
          <button type="button" class="button button-secondary" onClick={() => void load(next)}>
            {h.older}
          </button>
        </p>
      )}
    </section>
  );
}
