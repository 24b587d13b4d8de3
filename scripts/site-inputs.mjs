// What the built site says besides its sources: the operator profile
// (SITE_CONFIG, and the logo it names) and the settings the pages state
// (contract/operator-profile-file.ts parses the same variables). Their
// fingerprint is kept beside the build; when it differs, `npm start`
// rebuilds the site, so an edited profile shows at the next start.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The variables the pages state; keep in step with SITE_ENV in contract/operator-profile-file.ts. */
export const SITE_VARIABLES = ['ACK_DUE_DAYS', 'FEEDBACK_DUE_DAYS', 'RETENTION_DAYS', 'PUBLIC_ORIGIN', 'ONION_ORIGIN', 'SITE_CONFIG'];

/** Bytes of a file, or a marker when it cannot be read (the build then says what is wrong with it). */
function contentOf(file) {
  try {
    return readFileSync(file);
  } catch {
    return Buffer.from(`unreadable ${file}`);
  }
}

/** A hex fingerprint of the profile file, its logo and the variables in `env`. */
export function siteInputsFingerprint(env) {
  const hash = createHash('sha256');
  for (const name of SITE_VARIABLES) hash.update(`${name}=${env[name] ?? ''}\n`);
  const configFile = env['SITE_CONFIG'] ? path.resolve(env['SITE_CONFIG']) : null;
  if (configFile !== null) {
    const content = contentOf(configFile);
    hash.update(content);
    let logo;
    try {
      logo = JSON.parse(content.toString('utf8')).logo;
    } catch {
      logo = undefined; // not JSON: the build stops with the reason
    }
    if (typeof logo === 'string') hash.update(contentOf(path.resolve(path.dirname(configFile), logo)));
  }
  return hash.digest('hex');
}

/** True when the site in `stampFile`'s build was made from other inputs than `env`'s. */
export function siteInputsChanged(stampFile, env) {
  return !existsSync(stampFile) || readFileSync(stampFile, 'utf8').trim() !== siteInputsFingerprint(env);
}

/** Record which inputs the site was just built from. */
export function recordSiteInputs(stampFile, env) {
  writeFileSync(stampFile, `${siteInputsFingerprint(env)}\n`);
}
