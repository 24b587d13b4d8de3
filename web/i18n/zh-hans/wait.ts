/** “约 30 秒”“约 2 分钟”：多久后再试，向上取整。 */
export function waitAbout(seconds: number): string {
  return seconds < 60 ? `约 ${Math.max(10, Math.ceil(seconds / 10) * 10)} 秒` : `约 ${Math.ceil(seconds / 60)} 分钟`;
}
