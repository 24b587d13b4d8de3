/**
 * "Use a template" above the reply box: a language (the page's at first) and
 * that language's templates. Choosing one puts its text in the reply box for
 * the staff member to edit; nothing is sent by choosing. The selects have no
 * name, so the reply form never sends them.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LANGS, type Lang } from '../i18n/lang';
import type { StaffReportMessages } from '../i18n/types';
import type { ReplyTemplate } from '../../contract/schemas/reply-templates';
import { staffApi } from './api';
import { languageNameIn } from './format';

interface Props {
  lang: Lang;
  m: StaffReportMessages['reply']['templates'];
  /** The reply box's id. */
  target: string;
}

export function ReplyTemplatePicker({ lang, m, target }: Props): JSX.Element {
  const [templates, setTemplates] = useState<readonly ReplyTemplate[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [language, setLanguage] = useState<Lang>(lang);
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    void staffApi('GET', 'reply-templates', undefined, { background: true }).then((result) => {
      if (result.ok) setTemplates(result.data.templates);
      else setFailed(true);
    });
  }, []);

  const shown = (templates ?? []).filter((template) => template.language === language);
  const choose = (id: string): void => {
    setChosen(id);
    const template = shown.find((candidate) => String(candidate.id) === id);
    const box = document.getElementById(target);
    if (template === undefined || !(box instanceof HTMLTextAreaElement)) return;
    box.value = template.body;
    box.focus();
  };

  if (failed) return <p class="hint">{m.failed}</p>;
  return (
    <fieldset class="reply-templates">
      <legend>{m.label}</legend>
      <p class="hint" id="reply-template-hint">
        {m.hint}
      </p>
      <div class="field">
        <label for="reply-template-language">{m.language}</label>
        <select
          id="reply-template-language"
          value={language}
          onChange={(event) => {
            setLanguage(LANGS.find((other) => other === event.currentTarget.value) ?? lang);
            setChosen('');
          }}
        >
          {LANGS.map((other) => (
            <option key={other} value={other}>
              {languageNameIn(lang, other)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="reply-template">{m.label}</label>
        {templates !== null && shown.length === 0 ? (
          <p class="hint">{m.none}</p>
        ) : (
          <select id="reply-template" value={chosen} aria-describedby="reply-template-hint" onChange={(event) => choose(event.currentTarget.value)}>
            <option value="">{m.choose}</option>
            {shown.map((template) => (
              <option key={template.id} value={String(template.id)}>
                {template.title}
              </option>
            ))}
          </select>
        )}
      </div>
    </fieldset>
  );
}
