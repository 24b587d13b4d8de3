/** The console's messages in the page's language, for every console island (page-messages.ts). */
import type { ConsoleCatalogue } from '../i18n/types';
import { pageMessages } from './page-messages';

export const consoleMessagesFor = await pageMessages(
  import.meta.glob<ConsoleCatalogue>('../i18n/*/console.json', { import: 'default' }),
  (catalogue) => catalogue.console,
);
