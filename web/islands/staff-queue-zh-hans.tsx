import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/zh-hans';
import { caseWords } from '../i18n/console/zh-hans-case';
import { queueMessages } from '../i18n/console/zh-hans-queue';
import { QueueIsland } from './staff-queue';

/** The queue island with only the zh-hans messages bundled. */
export function StaffQueueZhHans(): JSX.Element {
  return <QueueIsland lang="zh-hans" c={consoleMessages} w={caseWords} m={queueMessages} />;
}
