/** "about 30 seconds", "about 2 minutes": when to try again, rounded up. */
export function waitAbout(seconds: number): string {
  if (seconds < 60) return `about ${Math.max(10, Math.ceil(seconds / 10) * 10)} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'about a minute' : `about ${minutes} minutes`;
}
