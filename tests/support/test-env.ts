/**
 * Settings every test server starts with unless a test says otherwise: the
 * global rate limits are raised far above anything the suites send, so that
 * only the tests about rate limits meet them, and the proof of work is easier.
 */
export const TEST_ENV: Readonly<Record<string, string>> = {
  RATE_SUBMISSIONS_PER_MINUTE: '1000000',
  RATE_SUBMISSIONS_NOJS_PER_MINUTE: '1000000',
  RATE_CHECKS_PER_MINUTE: '1000000',
  RATE_CHECKS_NOJS_PER_MINUTE: '1000000',
  FAILED_CHECKS_PER_TAG_PER_HOUR: '1000000',
  // A quicker proof of work (about 4,000 hashes instead of 33,000): the browser
  // tests still solve one before every report and code check.
  POW_DIFFICULTY: '12',
};
