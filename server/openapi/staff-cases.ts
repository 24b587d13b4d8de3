/** The queue and case-workflow routes in the OpenAPI document. */
import type { Paths } from './helpers';

export const staffCasePaths: Paths = {};
