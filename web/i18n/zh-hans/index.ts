import type { Catalogue } from '../types';
import { consoleCatalogue } from './console';
import { reportMessages } from './report';
import { siteMessages } from './site';
import { statusMessages } from './status';
import { uploadMessages } from './upload';

/** Everything Tipline says in this language. */
export const catalogue: Catalogue = {
  ...siteMessages,
  report: reportMessages,
  status: statusMessages,
  upload: uploadMessages,
  console: consoleCatalogue,
};
