/** Strings of the administration page: staff accounts, channels and grants. */
export type StaffRoleName = 'admin' | 'triager' | 'auditor';

export interface AdminMessages {
  title: string;
  intro: string;
  notForRole: string;
  roles: Record<StaffRoleName, string>;
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
}
