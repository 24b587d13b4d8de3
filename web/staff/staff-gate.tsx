import type { SessionInfo } from '../../contract/schemas/staff-auth';
import type { ConsoleMessages } from '../i18n/types';
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Lang } from '../i18n/lang';
import { staffApi } from './api';
import { errorText, leaveIfSignedOut } from './format';
import { goToSignIn } from './session';
import type { StaffRole } from '../../contract/vocabulary';

type MeState = { kind: 'loading' } | { kind: 'ready'; me: SessionInfo } | { kind: 'failed'; code: string };

interface Props {
  lang: Lang;
  common: ConsoleMessages;
  /** Roles the page is for; others see `notForRole`. */
  roles: readonly StaffRole[];
  notForRole: string;
  /** The page for a signed-in member of the right role; `reloadMe` refreshes their channels. */
  children: (me: SessionInfo, reloadMe: () => void) => ComponentChildren;
}

/**
 * Loads the signed-in member and renders the page only for the roles it is
 * for. A session still waiting for a password change or TOTP enrolment goes
 * back to the sign-in page, which finishes that.
 */
export function StaffGate(props: Props): JSX.Element {
  const { lang, common } = props;
  const [state, setState] = useState<MeState>({ kind: 'loading' });

  const load = useCallback(async (): Promise<void> => {
    const result = await staffApi('GET', 'me');
    if (!result.ok) {
      if (!leaveIfSignedOut(lang, result)) setState({ kind: 'failed', code: result.code });
      return;
    }
    if (result.data.restriction !== null) {
      goToSignIn(lang);
      return;
    }
    setState({ kind: 'ready', me: result.data });
  }, [lang]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <p role="status">{common.loading}</p>;
  if (state.kind === 'failed') {
    return (
      <p class="form-failure" role="alert">
        {errorText(common, state.code)}
      </p>
    );
  }
  if (!props.roles.includes(state.me.role)) return <p class="notice not-for-role">{props.notForRole}</p>;
  return <>{props.children(state.me, () => void load())}</>;
}
