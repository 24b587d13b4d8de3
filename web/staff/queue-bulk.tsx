/**
 * Acting on the leads selected in the queue: assign them to a member of
 * their channels (or to no one), or close them as spam or duplicate. Nothing
 * is sent before a confirmation that names how many leads and what will
 * happen; the server checks and audits each lead on its own and says which
 * it left alone (someone else holds them, not found, nothing to change).
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConsoleMessages, QueueMessages } from '../i18n/types';
import { fill } from '../i18n/fill';
import type { Lang } from '../i18n/lang';
import { staffApi } from './api';
import { OutcomeLine, type Outcome } from './form-parts';
import { errorText, leaveIfSignedOut } from './format';
import type { BulkResult, MemberList, TagList } from './types';

type Choice = 'assign' | 'tag' | 'untag' | 'close_spam' | 'close_duplicate';
const CHOICES: readonly Choice[] = ['assign', 'tag', 'untag', 'close_spam', 'close_duplicate'];
const CONFIRM_ID = 'bulk-confirm-heading';

interface Props {
  lang: Lang;
  c: ConsoleMessages;
  m: QueueMessages['bulk'];
  selected: readonly number[];
  members: MemberList['members'];
  tags: TagList['tags'];
  /** How a tag is named in a list: its name and channel. */
  tagLabel: (tag: TagList['tags'][number]) => string;
  onClear: () => void;
  /** After a change: the queue reloads. */
  onDone: () => void;
}

interface Pending {
  choice: Choice;
  staffId: number | null;
  tagId: number | null;
}

/** The request body for a confirmed choice. */
function bodyOf(pending: Pending, ids: readonly number[]): Record<string, unknown> {
  if (pending.choice === 'assign') return { action: 'assign', ids, staffId: pending.staffId };
  if (pending.choice === 'tag' || pending.choice === 'untag') return { action: pending.choice, ids, tagId: pending.tagId };
  return { action: 'close', ids, outcome: pending.choice === 'close_spam' ? 'spam' : 'duplicate' };
}

/** What the server did, as sentences. */
function resultText(lang: Lang, m: Props['m'], result: BulkResult): string {
  const list = (ids: readonly number[]): string => ids.map((id) => `#${id}`).join(', ');
  const parts = [fill(lang, m.done, { count: result.changed.length })];
  if (result.held.length > 0) parts.push(fill(lang, m.held, { list: result.held.map((h) => `#${h.id} (${h.lease.holder.username})`).join(', ') }));
  if (result.notFound.length > 0) parts.push(fill(lang, m.notFound, { list: list(result.notFound) }));
  if (result.skipped.length > 0) parts.push(fill(lang, m.skipped, { list: list(result.skipped.map((s) => s.id)) }));
  return parts.join(' ');
}

export function QueueBulk(props: Props): JSX.Element {
  const { lang, m, selected, members, tags } = props;
  const [choice, setChoice] = useState<Choice>('assign');
  const [staffId, setStaffId] = useState<string>('');
  const [tagId, setTagId] = useState<string>('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const confirmHeading = useRef<HTMLHeadingElement | null>(null);
  const applyButton = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (pending !== null) confirmHeading.current?.focus();
  }, [pending]);

  const onSubmit = (event: Event): void => {
    event.preventDefault();
    if (selected.length === 0) return;
    const tag = tagId !== '' ? Number(tagId) : (tags[0]?.id ?? null);
    const tagging = choice === 'tag' || choice === 'untag';
    if (tagging && tag === null) return;
    setOutcome(null);
    setPending({ choice, staffId: choice === 'assign' && staffId !== '' ? Number(staffId) : null, tagId: tagging ? tag : null });
  };

  const cancel = (): void => {
    setPending(null);
    applyButton.current?.focus();
  };

  const confirm = async (): Promise<void> => {
    if (pending === null || busy) return;
    setBusy(true);
    const result = await staffApi('POST', 'reports/bulk', bodyOf(pending, selected));
    setBusy(false);
    setPending(null);
    if (result.ok) {
      setOutcome({ ok: true, text: resultText(lang, m, result.data) });
      props.onDone();
      return;
    }
    if (leaveIfSignedOut(lang, result)) return;
    setOutcome({ ok: false, text: errorText(props.c, result.code) });
  };

  const question = (p: Pending): string => {
    const count = selected.length;
    if (p.choice === 'tag' || p.choice === 'untag') {
      const tag = tags.find((t) => t.id === p.tagId);
      return fill(lang, m.confirm[p.choice], { count, name: tag ? props.tagLabel(tag) : '' });
    }
    if (p.choice !== 'assign') return fill(lang, m.confirm[p.choice], { count });
    const name = members.find((member) => member.id === p.staffId)?.username;
    return name === undefined ? fill(lang, m.confirm.unassign, { count }) : fill(lang, m.confirm.assign, { count, name });
  };

  return (
    <section class="bulk" aria-labelledby="bulk-heading">
      <h2 id="bulk-heading">{m.heading}</h2>
      <p role="status">{fill(lang, m.selected, { count: selected.length })}</p>
      <OutcomeLine outcome={outcome} />
      {selected.length > 0 && (
        <form class="toolbar" onSubmit={onSubmit}>
          <label>
            {m.action}
            <select name="bulkAction" onChange={(e) => setChoice((e.currentTarget as HTMLSelectElement).value as Choice)}>
              {CHOICES.map((value) => (
                <option value={value} selected={value === choice}>
                  {m.actions[value]}
                </option>
              ))}
            </select>
          </label>
          {choice === 'assign' && (
            <label>
              {m.assignTo}
              <select name="bulkAssignee" onChange={(e) => setStaffId((e.currentTarget as HTMLSelectElement).value)}>
                <option value="" selected={staffId === ''}>
                  {m.nobody}
                </option>
                {members.map((member) => (
                  <option value={String(member.id)} selected={staffId === String(member.id)}>
                    {member.username}
                  </option>
                ))}
              </select>
            </label>
          )}
          {(choice === 'tag' || choice === 'untag') &&
            (tags.length === 0 ? (
              <p>{m.noTags}</p>
            ) : (
              <label>
                {m.tagWith}
                <select name="bulkTag" onChange={(e) => setTagId((e.currentTarget as HTMLSelectElement).value)}>
                  {tags.map((tag) => (
                    <option value={String(tag.id)} selected={tagId === String(tag.id)}>
                      {props.tagLabel(tag)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          <button type="submit" class="button" ref={applyButton}>
            {m.apply}
          </button>
          <button type="button" class="button button-secondary" onClick={props.onClear}>
            {m.clear}
          </button>
        </form>
      )}
      {pending !== null && (
        <div class="confirm" role="group" aria-labelledby={CONFIRM_ID}>
          <h3 id={CONFIRM_ID} tabIndex={-1} ref={confirmHeading}>
            {m.confirmHeading}
          </h3>
          <p>{question(pending)}</p>
          <p>{m.confirmNote}</p>
          <p class="actions">
            <button type="button" class="button" aria-disabled={busy ? 'true' : undefined} onClick={() => void confirm()}>
              {m.yes}
            </button>{' '}
            <button type="button" class="button button-secondary" onClick={cancel}>
              {m.cancel}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}
