/**
 * The plaintext of case records (JSON inside the age ciphertext) and how
 * staff see them. The clear `kind` column only says note, referral or
 * interference; a contact reveal's reason is stored as a note whose
 * encrypted body says `contact_reveal`, so the schema needs no new kind and
 * the reason stays content.
 */
import type { CaseRecordView } from '../../contract/schemas/staff-views';
import type { CaseRecord, CaseRecordKind } from '../data/case-records';

export type CaseRecordBody =
  | { version: 1; type: 'note'; body: string }
  | { version: 1; type: 'contact_reveal'; reason: string }
  | { version: 1; type: 'referral'; agency: string; reference?: string | undefined; date: string }
  | { version: 1; type: 'interference'; who: string; when: string; how: string; outcome?: string | undefined };

/** The clear kind stored for a body. */
export function kindOf(body: CaseRecordBody): CaseRecordKind {
  return body.type === 'contact_reveal' ? 'note' : body.type;
}

/** A decrypted record as staff see it. */
export function caseRecordViewOf(record: CaseRecord, plaintext: string): CaseRecordView {
  const { version: _version, type, ...fields } = JSON.parse(plaintext) as CaseRecordBody;
  return {
    ...fields,
    kind: type,
    id: record.id,
    by: record.staffId === null ? null : { id: record.staffId, username: record.staffUsername ?? '' },
    at: record.createdAt,
  } as CaseRecordView;
}
