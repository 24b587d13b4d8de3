/** The console's shared strings for each language (pages add their own catalogues beside this one). */
import type { Lang } from '../lang';
import { consoleMessages as en } from './en';
import type { ConsoleMessages } from './types';
import { consoleMessages as hans } from './zh-hans';
import { consoleMessages as hant } from './zh-hant';

export type { ConsoleMessages } from './types';

const CATALOGUES: Readonly<Record<Lang, ConsoleMessages>> = { 'zh-hant': hant, 'zh-hans': hans, en };

export function consoleMessagesFor(lang: Lang): ConsoleMessages {
  return CATALOGUES[lang];
}
