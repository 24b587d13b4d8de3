
export const sessionMessages = {
  signOut: 'Sign out',
  signedInAs: 'Signed in as {name}',
  idleWarning: 'You have been idle for a while: your session ends at {time} unless you stay signed in.',
  staySignedIn: 'Stay signed in',
  stillSignedIn: 'You are still signed in.',
  signOutFailed: 'Signing out did not reach the server. Close this browser window to be safe.',
};
