/**
 * Regions from the operator's list (SITE_CONFIG `regions`). Whatever a
 * reporter or an officer sends as the region — the form's select, the
 * free-text fallback, the JSON API — is stored under one value per listed
 * place, so statistics and the queue filter count 臺北市, 台北市, 台北 and
 * "Taipei" as the same place. Text that names no listed place is kept as
 * typed: a region missing from the list must not lose a report.
 *
 * Matching uses the search normaliser (Traditional ≡ Simplified, full-width
 * ≡ half-width, case, spaces at either end), against every language's name
 * and the aliases.
 */
import { regionValue, textIn, type OperatorProfile } from '../../contract/operator-profile';
import { LANGS } from '../../contract/languages';
import { normaliseText } from '../search/normalise';

export interface RegionMatcher {
  /** The stored value for `input`: a listed place's value, else the text as typed (trimmed); undefined stays undefined. */
  canonical(input: string | undefined): string | undefined;
}

/** A matcher for the profile's regions; with none listed, every text is kept as typed. */
export function regionMatcher(profile: Pick<OperatorProfile, 'regions' | 'defaultLanguage'>): RegionMatcher {
  const listed = profile.regions ?? [];
  // Built on first use, not at start-up: normalising loads OpenCC's dictionary.
  let byNormalised: Map<string, string> | null = null;
  const spellingsMap = (): Map<string, string> => {
    if (byNormalised !== null) return byNormalised;
    byNormalised = new Map();
    for (const region of listed) {
      const value = regionValue(region, profile);
      const spellings = [value, ...LANGS.map((lang) => textIn(region.name, lang, profile) ?? ''), ...(region.aliases ?? [])];
      // The first listed place wins a spelling two places share: the order the operator wrote.
      for (const spelling of spellings) if (spelling !== '' && !byNormalised.has(key(spelling))) byNormalised.set(key(spelling), value);
    }
    return byNormalised;
  };
  return {
    canonical(input) {
      if (input === undefined) return undefined;
      const typed = input.trim();
      if (typed === '') return undefined;
      return listed.length === 0 ? typed : (spellingsMap().get(key(typed)) ?? typed);
    },
  };
}

function key(text: string): string {
  return normaliseText(text.trim()).replace(/\s+/g, ' ');
}
