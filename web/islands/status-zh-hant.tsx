import type { JSX } from 'preact';
import { statusMessages } from '../i18n/zh-hant/status';
import { uploadMessages } from '../i18n/zh-hant/upload';
import { StatusIsland } from './status-island';

/** The status island with only the zh-hant messages bundled. */
export function StatusZhHant(): JSX.Element {
  return <StatusIsland lang="zh-hant" m={statusMessages} u={uploadMessages} />;
}
