import { consoleCatalogue } from './console';
import { reportMessages } from './report';
import { siteMessages } from './site';
import { statusMessages } from './status';
import { uploadMessages } from './upload';

/** The English catalogue: its type is the one every language satisfies (types.ts). */
export const catalogue = {
  ...siteMessages,
  report: reportMessages,
  status: statusMessages,
  upload: uploadMessages,
  console: consoleCatalogue,
};
