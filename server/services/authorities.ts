/**
 * Authorities a lead can be referred to with a referral package: admins
 * register them (name, jurisdiction, age recipient) and disable them;
 * caseworkers list them to choose one. Both changes are audited.
 */
import type { StaffSession } from '../auth/session-store';
import { parseRecipient } from '../crypto/age';
import { appendAudit } from '../data/audit';
import { disableAuthority, findAuthority, insertAuthority, listAuthorities, type AuthorityRow } from '../data/authorities';
import type { Db } from '../data/database';
import { fail } from '../errors';
import { toSecond } from '../time';
import type { Authority, NewAuthority } from '../../contract/schemas/authorities';

/** An authority as the API answers with it. */
export function authorityView(row: AuthorityRow): Authority {
  return {
    id: row.id,
    name: row.name,
    jurisdiction: row.jurisdiction,
    recipient: row.recipient,
    keyType: parseRecipient(row.recipient) ?? 'x25519',
    createdAt: row.createdAt,
    disabled: row.disabled,
  };
}

/** Register an authority; 400 invalid_recipient unless its recipient is one the age CLI can encrypt to. */
export function registerAuthority(db: Db, admin: StaffSession, request: NewAuthority, now: Date): Authority {
  const keyType = parseRecipient(request.recipient);
  if (keyType === null) throw fail('invalid_recipient', { recipient: 'invalid' });
  const at = toSecond(now);
  const id = db
    .transaction((): number => {
      const authorityId = insertAuthority(db, { ...request, createdAt: at, createdBy: admin.staffId });
      appendAudit(db, { at, actorStaffId: admin.staffId, action: 'authority.registered', detail: { authorityId, keyType } });
      return authorityId;
    })
    .immediate();
  const row = findAuthority(db, id);
  if (row === null) throw fail('not_found');
  return authorityView(row);
}

/** Stop offering an authority for packages (it stays in the records that name it). */
export function retireAuthority(db: Db, admin: StaffSession, id: number, now: Date): void {
  db.transaction(() => {
    if (!disableAuthority(db, id)) throw fail('not_found');
    appendAudit(db, { at: toSecond(now), actorStaffId: admin.staffId, action: 'authority.disabled', detail: { authorityId: id } });
  }).immediate();
}

/** The authorities a member may see: enabled ones, and disabled ones too for admins. */
export function authoritiesFor(db: Db, session: StaffSession): Authority[] {
  return listAuthorities(db, { enabledOnly: session.role !== 'admin' }).map(authorityView);
}

/** An enabled authority to make a package for; 400 naming the field otherwise. */
export function authorityToReferTo(db: Db, id: number): AuthorityRow {
  const row = findAuthority(db, id);
  if (row === null || row.disabled || parseRecipient(row.recipient) === null) throw fail('invalid_input', { authorityId: 'invalid_choice' });
  return row;
}
