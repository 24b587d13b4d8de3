/**
 * Making a tag for one of the member's channels, from the queue. The server
 * encrypts the name to the channel; the queue reloads its tags afterwards.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { ConsoleMessages, QueueMessages } from '../i18n/types';
import { fill } from '../i18n/fill';
import type { Lang } from '../i18n/lang';
import { staffApi } from './api';
import { OutcomeLine, type Outcome } from './form-parts';
import { channelName, errorText, leaveIfSignedOut } from './format';
import type { SessionInfo } from './types';

interface Props {
  lang: Lang;
  c: ConsoleMessages;
  m: QueueMessages['tags'];
  channels: SessionInfo['channels'];
  onMade: () => void;
}

export function QueueTagMaker(props: Props): JSX.Element {
  const { lang, m, channels } = props;
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget;
    if (!(form instanceof HTMLFormElement) || busy) return;
    const data = new FormData(form);
    const name = String(data.get('tagName') ?? '').trim();
    if (name === '') return;
    setBusy(true);
    const result = await staffApi('POST', 'tags', { channel: String(data.get('tagChannel') ?? ''), name });
    setBusy(false);
    if (result.ok) {
      setOutcome({ ok: true, text: fill(lang, m.made, { name }) });
      form.reset();
      props.onMade();
      return;
    }
    if (leaveIfSignedOut(lang, result)) return;
    setOutcome({ ok: false, text: result.code === 'conflict' ? m.exists : errorText(props.c, result.code) });
  };

  return (
    <section aria-labelledby="tag-maker-heading">
      <h2 id="tag-maker-heading">{m.heading}</h2>
      <p>{m.intro}</p>
      <OutcomeLine outcome={outcome} />
      <form class="toolbar" onSubmit={(e) => void onSubmit(e)}>
        <label>
          {m.channel}
          <select name="tagChannel">
            {channels.map((ch) => (
              <option value={ch.slug}>{channelName(lang, ch)}</option>
            ))}
          </select>
        </label>
        <label>
          {m.name}
          <input type="text" name="tagName" maxLength={60} required />
        </label>
        <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
          {m.submit}
        </button>
      </form>
    </section>
  );
}
