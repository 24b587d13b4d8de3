import type { JSX } from 'preact';
import { statusMessages } from '../i18n/zh-hans/status';
import { uploadMessages } from '../i18n/zh-hans/upload';
import { StatusIsland } from './status-island';

/** The status island with only the zh-hans messages bundled. */
export function StatusZhHans(): JSX.Element {
  return <StatusIsland lang="zh-hans" m={statusMessages} u={uploadMessages} />;
}
