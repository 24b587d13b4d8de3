/** Strings of the administration page: staff accounts, channels, grants and low-effort batches. */
import type { StaffRole } from '../../../contract/vocabulary';

export interface AdminMessages {
  title: string;
  intro: string;
  notForRole: string;
  roles: Record<StaffRole, string>;
  none: string;
  choose: string;
  staff: {
    heading: string;
    caption: string;
    columns: { username: string; role: string; channels: string; totp: string; state: string; action: string };
    totpOn: string;
    totpOff: string;
    active: string;
    disabled: string;
    disable: string;
    enable: string;
    /** Accessible names of the row buttons. */
    disableNamed: (username: string) => string;
    enableNamed: (username: string) => string;
    disabledDone: (username: string) => string;
    enabledDone: (username: string) => string;
    actionFailed: (username: string, reason: string) => string;
    self: string;
    addHeading: string;
    username: { label: string; hint: string; problem: string; taken: string };
    password: { label: string; hint: string; problem: string };
    role: string;
    channels: { legend: string; hint: string; problem: string; noneHeld: string };
    submit: string;
    recovery: { heading: string; intro: (username: string) => string; handOver: string; done: string };
  };
  channels: {
    heading: string;
    caption: string;
    columns: { slug: string; name: string; holders: string; reports: string };
    addHeading: string;
    slug: { label: string; hint: string; problem: string; taken: string };
    name: { label: string; hint: string; problem: string };
    submit: string;
    added: (slug: string) => string;
  };
  grants: {
    heading: string;
    intro: string;
    caption: string;
    columns: { channel: string; member: string; grantedBy: string; grantedAt: string };
    empty: string;
    addHeading: string;
    member: { label: string; problem: string };
    channel: { label: string; problem: string };
    submit: string;
    granted: (username: string, channel: string) => string;
    already: string;
    memberGone: string;
  };
  /** Reports with the low-effort marker, by received hour, and discarding them. */
  lowEffort: {
    heading: string;
    intro: string;
    caption: string;
    columns: { hour: string; marked: string; discardable: string; action: string };
    empty: string;
    /** A row whose marked reports have all been worked on. */
    nothingToDiscard: string;
    discard: string;
    /** Accessible name of a row's button: the hour (formatted) and how many would go. */
    discardNamed: (hour: string, count: number) => string;
    older: string;
    range: {
      heading: string;
      hint: string;
      from: string;
      to: string;
      submit: string;
      reversed: string;
      tooLong: string;
    };
    confirm: {
      heading: string;
      /** {what}: one hour or a range of hours, as `hour` or `between` word it. */
      text: (count: number, what: string) => string;
      hour: (hour: string) => string;
      between: (from: string, to: string) => string;
      /** When more are discardable than one discard takes: {cap} of {total}. */
      capped: (cap: number, total: number) => string;
      yes: string;
      cancel: string;
    };
    /** `more`: the range still holds discardable reports (one discard takes at most MAX_DISCARD_PER_ACTION). */
    done: (count: number, more: boolean) => string;
  };
}
