
export const consoleMessages = {
  consoleName: 'Tipline staff console',
  nav: { queue: 'Queue', registers: 'Registers', admin: 'Administration', audit: 'Audit', signOut: 'Sign out', label: 'Console' },
  loading: 'Loading…',
  failed: 'That did not work.',
  noScript: 'The staff console needs JavaScript. The public reporting pages do not.',
  errors: {
    unauthenticated: 'Your session has ended. Sign in again.',
    forbidden: 'Your role does not allow this.',
    not_found: 'Not found, or not in your channels.',
    invalid_input: 'Some fields are missing or invalid.',
    invalid_credentials: 'Wrong username, password or code.',
    login_throttled: 'Too many failed sign-ins. Wait a moment and try again.',
    busy: 'The server is busy. Try again in a moment.',
    invalid_transition: 'The report cannot move to that status now.',
    conflict: 'Someone else changed this first. Reload and try again.',
    last_key_holder: 'Nobody else holds this channel key: grant it to someone first.',
    password_change_required: 'Change your password first.',
    totp_enrolment_required: 'Set up your second factor first.',
    csrf_rejected: 'The request was refused: reload the page.',
    network: 'The server could not be reached.',
  },
};
