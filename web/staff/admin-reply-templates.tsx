/**
 * Reply templates: the admin lists them by language, adds, changes and
 * deletes them (deleting asks first, in the page). Templates are stored in
 * clear and read in every channel, so the form says to keep case details out.
 */
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { LANGS, type Lang } from '../i18n/lang';
import { fill } from '../i18n/fill';
import type { AdminMessages, ConsoleMessages } from '../i18n/types';
import type { ReplyTemplate } from '../../contract/schemas/reply-templates';
import { fieldErrors, useFormErrors } from './admin-data';
import { staffApi } from './api';
import { describedBy, OutcomeLine, SelectField, TextField, type Outcome } from './form-parts';
import { DataTable } from './data-table';
import { useFocusLater } from './focus-later';
import { errorText, languageNameIn, leaveIfSignedOut } from './format';

interface Props {
  lang: Lang;
  m: AdminMessages;
  common: ConsoleMessages;
}

const FORM_HEADING = 'template-form-heading';
const CONFIRM_HEADING = 'template-delete-heading';

export function AdminReplyTemplates(props: Props): JSX.Element {
  const { lang, common } = props;
  const m = props.m.replyTemplates;
  const [templates, setTemplates] = useState<readonly ReplyTemplate[] | null>(null);
  const [editing, setEditing] = useState<ReplyTemplate | null>(null);
  const [language, setLanguage] = useState<Lang>(lang);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [deleting, setDeleting] = useState<ReplyTemplate | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const { errors, setErrors, formRef } = useFormErrors();
  const focusLater = useFocusLater();

  const load = useCallback(async (): Promise<void> => {
    const result = await staffApi('GET', 'reply-templates');
    if (result.ok) setTemplates(result.data.templates);
    else if (!leaveIfSignedOut(lang, result)) setOutcome({ ok: false, text: errorText(common, result.code) });
  }, [lang, common]);
  useEffect(() => {
    void load();
  }, [load]);

  const startForm = (template: ReplyTemplate | null): void => {
    setEditing(template);
    setLanguage(template?.language ?? lang);
    setTitle(template?.title ?? '');
    setBody(template?.body ?? '');
    setErrors({});
    setDeleting(null);
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    const input = { language, title: title.trim(), body: body.trim() };
    const result = editing === null ? await staffApi('POST', 'admin/reply-templates', input) : await staffApi('PUT', `admin/reply-templates/${editing.id}`, input);
    setBusy(false);
    if (result.ok) {
      setOutcome({ ok: true, text: fill(lang, editing === null ? m.added : m.saved, { title: input.title }) });
      startForm(null);
      void load();
      return;
    }
    if (leaveIfSignedOut(lang, result)) return;
    setErrors(fieldErrors(result.fields, { title: m.title.problem, body: m.body.problem, '*': m.body.problem }));
    setOutcome({ ok: false, text: errorText(common, result.code) });
  };

  const remove = async (template: ReplyTemplate): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const result = await staffApi('DELETE', `admin/reply-templates/${template.id}`);
    setBusy(false);
    setDeleting(null);
    if (result.ok) {
      setOutcome({ ok: true, text: fill(lang, m.deleted, { title: template.title }) });
      if (editing?.id === template.id) startForm(null);
      void load();
      return;
    }
    if (!leaveIfSignedOut(lang, result)) setOutcome({ ok: false, text: errorText(common, result.code) });
  };

  const table = (other: Lang): JSX.Element => {
    const rows = (templates ?? []).filter((template) => template.language === other);
    const name = languageNameIn(lang, other);
    if (rows.length === 0) return <p key={other}>{fill(lang, m.none, { language: name })}</p>;
    return (
      <DataTable
        key={other}
        captionId={`templates-caption-${other}`}
        caption={fill(lang, m.caption, { language: name })}
        columns={[m.columns.title, m.columns.body, m.columns.action]}
        rows={rows}
        rowKey={(template) => template.id}
        cells={(template) => (
          <>
            <th scope="row">{template.title}</th>
            <td class="text-block">{template.body}</td>
            <td>
              <button
                type="button"
                class="button button-secondary"
                aria-label={fill(lang, m.editNamed, { title: template.title })}
                onClick={() => {
                  startForm(template);
                  focusLater(FORM_HEADING);
                }}
              >
                {m.edit}
              </button>{' '}
              <button
                type="button"
                class="button button-secondary"
                aria-label={fill(lang, m.deleteNamed, { title: template.title })}
                onClick={() => {
                  setDeleting(template);
                  focusLater(CONFIRM_HEADING);
                }}
              >
                {m.delete}
              </button>
            </td>
          </>
        )}
      />
    );
  };

  const bodyHint = `${FORM_HEADING}-body-hint`;
  const bodyError = errors['body'] === undefined ? undefined : `${FORM_HEADING}-body-error`;
  return (
    <section aria-labelledby="templates-heading">
      <h2 id="templates-heading">{m.heading}</h2>
      <p>{m.intro}</p>
      {templates === null ? <p role="status">{common.loading}</p> : LANGS.map(table)}
      {deleting !== null && (
        <div class="confirm" role="group" aria-labelledby={CONFIRM_HEADING}>
          <h3 id={CONFIRM_HEADING} tabIndex={-1}>
            {fill(lang, m.deleteNamed, { title: deleting.title })}
          </h3>
          <p>{fill(lang, m.confirmDelete, { title: deleting.title })}</p>
          <p class="actions">
            <button type="button" class="button" aria-disabled={busy ? 'true' : undefined} onClick={() => void remove(deleting)}>
              {m.confirm}
            </button>{' '}
            <button type="button" class="button button-secondary" onClick={() => setDeleting(null)}>
              {m.cancel}
            </button>
          </p>
        </div>
      )}
      <OutcomeLine outcome={outcome} />
      <h3 id={FORM_HEADING} tabIndex={-1}>
        {editing === null ? m.addHeading : fill(lang, m.editHeading, { title: editing.title })}
      </h3>
      <form method="post" class="admin-form" ref={formRef} aria-labelledby={FORM_HEADING} noValidate onSubmit={(event) => void submit(event)}>
        <SelectField
          id="template-language"
          label={m.language.label}
          value={language}
          onValue={(value) => setLanguage(LANGS.find((other) => other === value) ?? lang)}
          options={LANGS.map((other) => ({ value: other, label: languageNameIn(lang, other) }))}
        />
        <TextField id="template-title" label={m.title.label} hint={m.title.hint} error={errors['title']} value={title} onValue={setTitle} />
        <div class={bodyError === undefined ? 'field' : 'field field-invalid'}>
          <label for="template-body">{m.body.label}</label>
          <p class="hint" id={bodyHint}>
            {m.body.hint}
          </p>
          {bodyError !== undefined && (
            <p class="field-error" id={bodyError}>
              {errors['body']}
            </p>
          )}
          <textarea
            id="template-body"
            rows={5}
            value={body}
            aria-invalid={bodyError === undefined ? undefined : 'true'}
            aria-describedby={describedBy(bodyHint, bodyError)}
            onInput={(event) => setBody(event.currentTarget.value)}
          />
        </div>
        <p class="actions">
          <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
            {editing === null ? m.submit : m.save}
          </button>
          {editing !== null && (
            <>
              {' '}
              <button type="button" class="button button-secondary" onClick={() => startForm(null)}>
                {m.cancel}
              </button>
            </>
          )}
        </p>
      </form>
    </section>
  );
}
