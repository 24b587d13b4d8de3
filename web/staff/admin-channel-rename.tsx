/**
 * Renaming a channel: its default name, and its name and description in
 * each language the site speaks (POST /api/staff/admin/channels/{id}/names).
 * The slug never changes: scripts and the report categories route by it.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { LANGS, type Lang } from '../i18n/lang';
import { fill } from '../i18n/fill';
import type { AdminMessages, ConsoleMessages } from '../i18n/types';
import { fieldErrors, useFormErrors, type ChannelRow } from './admin-data';
import { staffApi } from './api';
import { OutcomeLine, TextField, type Outcome } from './form-parts';
import { channelName, errorText, languageNameIn, leaveIfSignedOut } from './format';

interface Props {
  lang: Lang;
  m: AdminMessages['channels'];
  common: ConsoleMessages;
  channel: ChannelRow;
  onDone: (text: string) => void;
  onCancel: () => void;
}

type Texts = Partial<Record<Lang, string>>;

export function ChannelRenameForm(props: Props): JSX.Element {
  const { lang, m, common, channel } = props;
  const r = m.rename;
  const [name, setName] = useState(channel.name);
  const [names, setNames] = useState<Texts>(channel.names);
  const [descriptions, setDescriptions] = useState<Texts>(channel.descriptions);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const { errors, setErrors, formRef } = useFormErrors();
  const shownName = channelName(lang, channel);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    const result = await staffApi('POST', `admin/channels/${channel.id}/names`, { name: name.trim(), names, descriptions });
    setBusy(false);
    if (result.ok) {
      props.onDone(fill(lang, r.done, { name: channelName(lang, result.data.channel) }));
      return;
    }
    if (leaveIfSignedOut(lang, result)) return;
    setErrors(fieldErrors(result.fields, { name: r.problem, '*': r.problem }));
    setOutcome({ ok: false, text: errorText(common, result.code) });
  };

  const perLanguage = (kind: 'name' | 'description', other: Lang): JSX.Element => {
    const texts = kind === 'name' ? names : descriptions;
    const set = kind === 'name' ? setNames : setDescriptions;
    return (
      <TextField
        key={`${kind}-${other}`}
        id={`rename-${kind}-${other}`}
        label={fill(lang, kind === 'name' ? r.nameIn : r.descriptionIn, { language: languageNameIn(lang, other) })}
        value={texts[other] ?? ''}
        onValue={(value) => set((current) => ({ ...current, [other]: value }))}
      />
    );
  };

  return (
    <form method="post" class="admin-form" ref={formRef} aria-labelledby="rename-channel-heading" noValidate onSubmit={(event) => void submit(event)}>
      <h3 id="rename-channel-heading" tabIndex={-1}>
        {fill(lang, r.heading, { name: shownName })}
      </h3>
      <p>{r.intro}</p>
      <TextField id="rename-name" label={r.defaultName} error={errors['name']} value={name} onValue={setName} />
      {LANGS.flatMap((other) => [perLanguage('name', other), perLanguage('description', other)])}
      <OutcomeLine outcome={outcome} />
      <p class="actions">
        <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
          {r.submit}
        </button>
        <button type="button" class="button button-secondary" onClick={props.onCancel}>
          {r.cancel}
        </button>
      </p>
    </form>
  );
}
