/** 「約 30 秒」「約 2 分鐘」：多久後再試，無條件進位。 */
export function waitAbout(seconds: number): string {
  return seconds < 60 ? `約 ${Math.max(10, Math.ceil(seconds / 10) * 10)} 秒` : `約 ${Math.ceil(seconds / 60)} 分鐘`;
}
