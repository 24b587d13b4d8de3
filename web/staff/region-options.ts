/**
 * The id of the console's list of the operator's regions (SITE_CONFIG
 * `regions`), a <datalist> the staff layout renders at build time: the
 * queue filter and the intake form suggest the listed places while still
 * taking any text (the server stores a listed place's spellings as that place).
 */
export const REGION_OPTIONS_ID = 'region-options';
