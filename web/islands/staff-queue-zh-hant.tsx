import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/zh-hant';
import { caseWords } from '../i18n/console/zh-hant-case';
import { queueMessages } from '../i18n/console/zh-hant-queue';
import { QueueIsland } from './staff-queue';

/** The queue island with only the zh-hant messages bundled. */
export function StaffQueueZhHant(): JSX.Element {
  return <QueueIsland lang="zh-hant" c={consoleMessages} w={caseWords} m={queueMessages} />;
}
