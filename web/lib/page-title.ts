import type { ProfileView } from '../../contract/operator-profile';
import { fill } from '../i18n/fill';
import type { Catalogue } from '../i18n/types';

/**
 * A public page's title: a neutral word for the page and the operator's
 * neutral name ("Form · Information service"), never "report crime": the
 * title is what a browser's tabs, history and task switcher show to whoever
 * picks up the phone.
 */
export function neutralPageTitle(m: Catalogue, profile: ProfileView, page: string): string {
  return fill(profile.lang, m.profile.titleJoin, { page, site: profile.neutralTitle ?? m.profile.neutralTitle });
}
