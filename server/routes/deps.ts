/** What the route modules need, passed down from createApp. */
import type { Config } from '../config';
import type { Db } from '../data/database';
import type { Shells } from '../html/shells';
import type { Logger } from '../log';

export interface RouteDeps {
  db: Db;
  config: Config;
  instanceKey: Uint8Array;
  shells: Shells;
  log: Logger;
}
