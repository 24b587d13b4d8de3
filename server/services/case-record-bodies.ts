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
 */
import type { InterferenceInput } from '../../contract/schemas/staff-reports';
import type { CaseRecordView } from '../../contract/schemas/staff-views';
import type { CaseRecord, CaseRecordKind } from '../data/case-records';

export type CaseRecordBody =
  | { version: 1; type: 'note'; body: string }
  | { version: 1; type: 'contact_reveal'; reason: string }
  | { version: 1; type: 'referral'; agency: string; reference?: string | undefined; date: string }
  | { version: 1; type: 'interference'; who: string; when: string; how: string; outcome?: string | undefined }
  | ({ version: 2; type: 'interference' } & InterferenceInput);

/** The clear kind stored for a body. */
export function kindOf(body: CaseRecordBody): CaseRecordKind {
  return body.type === 'contact_reveal' ? 'note' : body.type;
}

/** A decrypted record as staff see it. */
export function caseRecordViewOf(record: CaseRecord, plaintext: string): CaseRecordView {
  const { version, type, ...fields } = JSON.parse(plaintext) as CaseRecordBody;
  return {
    ...fields,
    ...(type === 'interference' ? { version } : {}),
    kind: type,
    id: record.id,
    by: record.staffId === null ? null : { id: record.staffId, username: record.staffUsername ?? '' },
    at: record.createdAt,
  } as CaseRecordView;
}
