/**
 * The plaintext of case records (JSON inside the age ciphertext) and how
 * staff see them. The clear `kind` column only says note, referral or
 * interference; a contact reveal's reason is stored as a note whose
 * encrypted body says `contact_reveal`, so the schema needs no new kind and
 * the reason stays content.
 *
 * Interference bodies come in two versions: 1 is the free text kept before
 * the register was structured (who, when, how, outcome), 2 the structured
 * entry. Both are read; only version 2 is written. The view carries the
 * version so the console knows which shape it holds.
 *
 * A signed decision (server/services/signed-decisions.ts) carries its
 * commitment nonce in the body; a closing is a record of its own (stored as
 * a note, like a contact reveal) so that closing with an outcome is signed
 * like the other decisions.
 */
import type { InterferenceInput } from '../../contract/schemas/staff-reports';
import type { CaseRecordView, SignatureView } from '../../contract/schemas/staff-views';
import type { CloseOutcome } from '../../contract/vocabulary';
import type { CaseRecord, CaseRecordKind } from '../data/case-records';

export type CaseRecordBody = (
  | { version: 1; type: 'note'; body: string; formal?: true | undefined }
  | { version: 1; type: 'contact_reveal'; reason: string }
  | { version: 1; type: 'referral'; agency: string; reference?: string | undefined; date: string }
  | { version: 1; type: 'interference'; who: string; when: string; how: string; outcome?: string | undefined }
  | ({ version: 2; type: 'interference' } & InterferenceInput)
  | { version: 1; type: 'closing'; outcome: CloseOutcome }
) & {
  /**
   * A signed decision's nonce (base64, 32 bytes): its signed record commits
   * to SHA-256(nonce ‖ the body without this field). Kept here, inside the
   * ciphertext, so the hash in clear cannot be brute-forced.
   */
  nonce?: string | undefined;
};

/** The clear kind stored for a body: a contact reveal and a closing are stored as notes (the schema's kinds). */
export function kindOf(body: CaseRecordBody): CaseRecordKind {
  return body.type === 'contact_reveal' || body.type === 'closing' ? 'note' : body.type;
}

/**
 * A decrypted record as staff see it, with what its signature check found
 * (null: not a signed decision; left out where nothing was checked).
 */
export function caseRecordViewOf(record: CaseRecord, plaintext: string, signature?: SignatureView | null): CaseRecordView {
  const { version, type, nonce: _nonce, ...fields } = JSON.parse(plaintext) as CaseRecordBody;
  return {
    ...fields,
    ...(type === 'interference' ? { version } : {}),
    kind: type,
    id: record.id,
    by: record.staffId === null ? null : { id: record.staffId, username: record.staffUsername ?? '' },
    at: record.createdAt,
    ...(signature === undefined ? {} : { signature }),
  } as CaseRecordView;
}
