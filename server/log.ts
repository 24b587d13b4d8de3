/**
 * Structured logs as JSON lines. Callers pass event names and numbers or
 * enum values only: never an IP address, user agent, tracking code,
 * password, key or report content. Request lines carry the route pattern,
 * not the requested path. Line times are kept to the hour, like every
 * stored timestamp: a precise time next to an error on a reporter route
 * would be a precise submission time.
 */
import { toHour } from './time';

export type LogFields = Record<string, string | number | boolean | null>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** A logger writing one JSON object per line to `write` (stderr by default). */
export function createLogger(write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const emit = (level: string, event: string, fields: LogFields = {}): void => {
    write(`${JSON.stringify({ t: toHour(new Date()), level, event, ...fields })}\n`);
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = { info: () => {}, error: () => {} };
