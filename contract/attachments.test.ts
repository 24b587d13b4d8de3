import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS, formatBytes } from './attachments';

describe('formatBytes: sizes as phones and operating systems show them', () => {
  it('counts bytes up to 999, then kilobytes of 1000 bytes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1000)).toBe('1 kB');
    expect(formatBytes(1024)).toBe('1 kB');
    expect(formatBytes(1050)).toBe('1.1 kB');
  });

  it('gives one decimal, and none when it is .0 ("1 kB", not "1.0 kB")', () => {
    expect(formatBytes(1_500)).toBe('1.5 kB');
    expect(formatBytes(1_500_000)).toBe('1.5 MB');
    expect(formatBytes(20_000_000)).toBe('20 MB');
    expect(formatBytes(20_040_000)).toBe('20 MB');
    expect(formatBytes(20_050_000)).toBe('20.1 MB');
    expect(formatBytes(2_400_000_000)).toBe('2.4 GB');
  });

  it('moves to the next unit when the rounded number would reach 1000', () => {
    expect(formatBytes(999_949)).toBe('999.9 kB');
    expect(formatBytes(999_950)).toBe('1 MB');
    expect(formatBytes(999_999_999)).toBe('1 GB');
  });

  it('shows a binary-sized file as a phone does: 100 MiB is 104.9 MB', () => {
    expect(formatBytes(100 * 1024 * 1024)).toBe('104.9 MB');
  });

  it('rounds limits down, so the limit shown is never more than the one enforced', () => {
    expect(formatBytes(DEFAULT_UPLOAD_LIMITS.maxFileBytes, true)).toBe('104.8 MB');
    expect(formatBytes(DEFAULT_UPLOAD_LIMITS.maxSubmissionBytes, true)).toBe('314.5 MB');
    expect(formatBytes(1024 * 1024, true)).toBe('1 MB');
    expect(formatBytes(999_999, true)).toBe('999.9 kB');
    expect(formatBytes(999, true)).toBe('999 B');
  });
});
