import type { JSX } from 'preact';
import { statusMessages } from '../i18n/en/status';
import { uploadMessages } from '../i18n/en/upload';
import { StatusIsland } from './status-island';

/** The status island with only the en messages bundled. */
export function StatusEn(): JSX.Element {
  return <StatusIsland lang="en" m={statusMessages} u={uploadMessages} />;
}
