import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/en';
import { caseWords } from '../i18n/console/en-case';
import { queueMessages } from '../i18n/console/en-queue';
import { QueueIsland } from './staff-queue';

/** The queue island with only the en messages bundled. */
export function StaffQueueEn(): JSX.Element {
  return <QueueIsland lang="en" c={consoleMessages} w={caseWords} m={queueMessages} />;
}
