/** Channels: the list with key holders and reports, renaming one, and the form to add one. */
import type { AdminMessages, ConsoleMessages } from '../i18n/types';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Lang } from '../i18n/lang';
import { fieldErrors, useFormErrors, type ChannelRow } from './admin-data';
import { staffApi } from './api';
import { OutcomeLine, SelectField, TextField, type Outcome } from './form-parts';
import { CHANNEL_KEY_TYPES, type ChannelKeyType } from '../../contract/vocabulary';
import { channelName, errorText, leaveIfSignedOut } from './format';
import { ChannelRenameForm } from './admin-channel-rename';
import { useFocusLater } from './focus-later';
import { DataTable } from './data-table';
import { fill, labelOf } from '../i18n/fill';

interface Props {
  lang: Lang;
  m: AdminMessages;
  common: ConsoleMessages;
  channels: readonly ChannelRow[];
  onChanged: () => void;
}

export function AdminChannels(props: Props): JSX.Element {
  const { lang, common } = props;
  const m = props.m.channels;
  const [slug, setSlug] = useState('');
  const [name, setName] = useState('');
  const [keyType, setKeyType] = useState<ChannelKeyType>('x25519');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [renaming, setRenaming] = useState<ChannelRow | null>(null);
  const [renamed, setRenamed] = useState<Outcome>(null);
  const { errors, setErrors, formRef } = useFormErrors();
  const focusLater = useFocusLater();

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    const body = { slug: slug.trim(), name: name.trim(), keyType };
    const result = await staffApi('POST', 'admin/channels', body);
    setBusy(false);
    if (result.ok) {
      setOutcome({ ok: true, text: fill(lang, m.added, { name: body.name }) });
      setSlug('');
      setName('');
      setKeyType('x25519');
      setErrors({});
      props.onChanged();
      return;
    }
    if (leaveIfSignedOut(lang, result)) return;
    const taken = result.code === 'conflict';
    setErrors(taken ? { slug: m.slug.taken } : fieldErrors(result.fields, { slug: m.slug.problem, name: m.name.problem, '*': m.name.problem }));
    setOutcome({ ok: false, text: taken ? m.slug.taken : errorText(common, result.code) });
  };

  const c = m.columns;
  return (
    <section aria-labelledby="channels-heading">
      <h2 id="channels-heading">{m.heading}</h2>
      <DataTable
        captionId="channels-caption"
        caption={m.caption}
        columns={[c.name, c.slug, c.description, c.keyType, c.holders, c.reports, c.action]}
        rows={props.channels}
        rowKey={(channel) => channel.id}
        cells={(channel) => (
          <>
            <th scope="row">{channelName(lang, channel)}</th>
            <td>{channel.slug}</td>
            <td>{channel.descriptions[lang] ?? ''}</td>
            <td>{labelOf(m.keyType.options, channel.keyType)}</td>
            <td class={channel.holders < 2 ? 'overdue' : undefined}>{channel.holders}</td>
            <td>{channel.reports}</td>
            <td>
              <button
                type="button"
                class="button button-secondary"
                aria-label={fill(lang, m.rename.named, { name: channelName(lang, channel) })}
                onClick={() => {
                  setRenamed(null);
                  setRenaming(channel);
                  focusLater('rename-channel-heading');
                }}
              >
                {m.rename.button}
              </button>
            </td>
          </>
        )}
      />
      <OutcomeLine outcome={renamed} />
      {renaming !== null && (
        <ChannelRenameForm
          key={renaming.id}
          lang={lang}
          m={m}
          common={common}
          channel={renaming}
          onDone={(text) => {
            setRenaming(null);
            setRenamed({ ok: true, text });
            props.onChanged();
          }}
          onCancel={() => setRenaming(null)}
        />
      )}
      <h3 id="add-channel-heading">{m.addHeading}</h3>
      <form method="post" class="admin-form" ref={formRef} aria-labelledby="add-channel-heading" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id="channel-slug" label={m.slug.label} hint={m.slug.hint} error={errors['slug']} value={slug} onValue={setSlug} />
        <TextField id="channel-name" label={m.name.label} hint={m.name.hint} error={errors['name']} value={name} onValue={setName} />
        <SelectField
          id="channel-key-type"
          label={m.keyType.label}
          hint={m.keyType.hint}
          value={keyType}
          onValue={(value) => setKeyType(value === 'pq' ? 'pq' : 'x25519')}
          options={CHANNEL_KEY_TYPES.map((type) => ({ value: type, label: labelOf(m.keyType.options, type) }))}
        />
        <OutcomeLine outcome={outcome} />
        <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
          {m.submit}
        </button>
      </form>
    </section>
  );
}
