/**
 * Reading the operator profile (SITE_CONFIG) and the settings the pages state,
 * for the two places that need them: the static site's build (web/lib/
 * build-profile.ts) and the server (server/config.ts). Both parse the same
 * variables with the same schema, so the built pages and the pages the
 * server renders say the same. Node only: never import this from an island.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { EMPTY_PROFILE, operatorProfileSchema, type OperatorProfile, type SiteSettings } from './operator-profile';

const integer = (fallback: number, min: number, max: number): z.ZodDefault<z.ZodCoercedNumber<unknown>> =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** The environment variables the pages depend on: server/config.ts parses them among the rest. */
export const SITE_ENV = {
  ACK_DUE_DAYS: integer(7, 1, 365),
  FEEDBACK_DUE_DAYS: integer(90, 1, 3_650),
  // Closed reports are deleted this many days after closing (0: never).
  RETENTION_DAYS: integer(365, 0, 36_500),
  // The origin staff browsers use, e.g. https://tips.example.org. When it is
  // https, session cookies are Secure; it is also accepted as an Origin for
  // CSRF checks behind a reverse proxy. The home page names it as the real address.
  PUBLIC_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
  // The onion service's origin (http://<56 characters>.onion), sent as
  // Onion-Location on pages so Tor Browser can offer it, and named on the home page.
  ONION_ORIGIN: z.url({ protocol: /^https?$/, hostname: /^[a-z2-7]{56}\.onion$/ }).optional(),
  // The operator profile: a JSON file (README, "The operator profile").
  SITE_CONFIG: z.string().min(1).optional(),
};

const siteEnvSchema = z.object(SITE_ENV);
type SiteEnv = z.output<typeof siteEnvSchema>;

export class ProfileError extends Error {}

/** The settings the pages state, from parsed variables. */
export function siteSettingsOf(vars: Omit<SiteEnv, 'SITE_CONFIG'>): SiteSettings {
  return {
    ackDays: vars.ACK_DUE_DAYS,
    feedbackDays: vars.FEEDBACK_DUE_DAYS,
    retentionDays: vars.RETENTION_DAYS,
    publicOrigin: vars.PUBLIC_ORIGIN ? new URL(vars.PUBLIC_ORIGIN).origin : null,
    onionOrigin: vars.ONION_ORIGIN ? new URL(vars.ONION_ORIGIN).origin : null,
  };
}

export interface LoadedProfile {
  profile: OperatorProfile;
  /** Absolute path of the file; null when SITE_CONFIG is not set (every text a placeholder). */
  file: string | null;
  /** The logo's SVG text when the profile names one. */
  logoSvg: string | null;
}

/** Read and check the profile file; ProfileError says what is wrong and where. */
export function readOperatorProfile(configPath: string | undefined): LoadedProfile {
  if (configPath === undefined) return { profile: EMPTY_PROFILE, file: null, logoSvg: null };
  const file = path.resolve(configPath);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ProfileError(`SITE_CONFIG: cannot read ${file} as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = operatorProfileSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(file)'}: ${issue.message}`);
    throw new ProfileError(`SITE_CONFIG: ${file} is not a valid operator profile:\n${lines.join('\n')}`);
  }
  const profile = parsed.data;
  return { profile, file, logoSvg: profile.logo === undefined ? null : readLogo(path.resolve(path.dirname(file), profile.logo)) };
}

function readLogo(file: string): string {
  let svg: string;
  try {
    svg = readFileSync(file, 'utf8');
  } catch {
    throw new ProfileError(`SITE_CONFIG: logo ${file} cannot be read`);
  }
  // Inlined in every page: an SVG only, and nothing that runs or loads (the pages make no third-party requests).
  if (!/<svg[\s>]/i.test(svg)) throw new ProfileError(`SITE_CONFIG: logo ${file} is not an SVG file`);
  // A reference within the file (href="#shape") is fine; any other href or src would load something.
  if (/<script|\son\w+\s*=|<foreignObject|(?:href|src)\s*=\s*(?:"(?!#)|'(?!#)|(?!["'#]))/i.test(svg)) {
    throw new ProfileError(`SITE_CONFIG: logo ${file} has scripts, event handlers or links to other files; use a plain SVG`);
  }
  return svg.replace(/<\?xml[^>]*\?>\s*/i, '').replace(/<!DOCTYPE[^>]*>\s*/i, '');
}

/** The profile and settings for the site's build, from the build's environment (the same variables `npm start` reads). */
export function loadSiteForBuild(env: Record<string, string | undefined>): LoadedProfile & { settings: SiteSettings } {
  const present = Object.fromEntries(Object.entries(env).filter(([name, value]) => name in SITE_ENV && value !== undefined && value !== ''));
  const parsed = siteEnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ProfileError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...readOperatorProfile(parsed.data.SITE_CONFIG), settings: siteSettingsOf(parsed.data) };
}
