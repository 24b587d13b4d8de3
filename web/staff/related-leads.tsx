/**
 * "Possibly related leads" on the case page (GET
 * /api/staff/reports/:id/related): other leads of the channel sharing rare
 * tokens with this one, as the server ranked them, each linking to its page.
 * Loaded after the case itself, which indexes the report if it was not yet.
 */
import { Component, type JSX } from 'preact';
import type { CaseWords, SearchMessages } from '../i18n/types';
import { fill, labelOf } from '../i18n/fill';
import type { Lang } from '../i18n/lang';
import { staffApi } from './api';
import { formatTime } from './format';
import { reportHref } from './session';
import type { RelatedAnswer } from './types';

interface Props {
  lang: Lang;
  w: CaseWords;
  m: SearchMessages;
  reportId: number;
}

/** null while loading; nothing is shown when loading failed (the case page says what matters). */
interface State {
  answer: RelatedAnswer | null;
}

export class RelatedLeads extends Component<Props, State> {
  override state: State = { answer: null };

  override componentDidMount(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    // Loading the list is the page's doing, not a person's: it does not extend the session.
    const result = await staffApi('GET', `reports/${this.props.reportId}/related`, undefined, { background: true });
    if (result.ok) this.setState({ answer: result.data });
  }

  override render(): JSX.Element | null {
    const { lang, w, m } = this.props;
    const { answer } = this.state;
    if (answer === null) return null;
    return (
      <section aria-labelledby="h-related-leads">
        <h2 id="h-related-leads">{m.relatedHeading}</h2>
        <p class="small">{m.relatedExplained}</p>
        {answer.related.length === 0 ? (
          <p>{m.relatedNone}</p>
        ) : (
          <ol class="related-leads">
            {answer.related.map((lead) => (
              <li key={lead.id}>
                <a href={reportHref(lang, lead.id)}>{fill(lang, w.reportName, { id: String(lead.id) })}</a>
                {` · ${labelOf(w.categories, lead.category)} · ${w.statuses[lead.status]} · ${formatTime(lang, lead.receivedAt)} · ${fill(lang, m.shared, { count: lead.shared })}`}
              </li>
            ))}
          </ol>
        )}
        {answer.unindexed > 0 && <p class="notice">{fill(lang, m.unindexed, { count: answer.unindexed })}</p>}
      </section>
    );
  }
}
