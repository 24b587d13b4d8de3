/**
 * Settings every test server starts with unless a test says otherwise: the
 * global rate limits are raised far above anything the suites send, so that
 * only the tests about admission meet them.
 */
export const TEST_ENV: Readonly<Record<string, string>> = {
  RATE_SUBMISSIONS_PER_MINUTE: '1000000',
  RATE_SUBMISSIONS_NOJS_PER_MINUTE: '1000000',
  RATE_CHECKS_PER_MINUTE: '1000000',
  RATE_CHECKS_NOJS_PER_MINUTE: '1000000',
  RATE_SIGNINS_PER_MINUTE: '1000000',
  FAILED_CHECKS_PER_TAG_PER_HOUR: '1000000',
};
