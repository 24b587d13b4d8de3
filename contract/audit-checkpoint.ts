/**
 * A signed checkpoint of the audit trail: its head (how many entries, the
 * hash of the last) signed by the instance's Ed25519 key, chained to the
 * checkpoint before it. The signed bytes are a short text anyone can read
 * and check with any Ed25519 tool, in the spirit of a Sigstore/Rekor
 * checkpoint note. Shared by the server (signs, verifies) and the console
 * (remembers one, checks the signature with WebCrypto). Pure data and
 * strings: no crypto here, so it loads in a browser.
 *
 * The signed text is exactly these seven lines, each ending in "\n":
 *
 *     tipline audit checkpoint v1
 *     sequence <n>            1 for the first checkpoint, then one more each time
 *     entries <n>             the audit trail's size: entries 1..n are covered
 *     head <64 hex>           the hash of entry n (SHA-256, server/data/audit.ts)
 *     time <YYYY-MM-DDTHH:MM:SSZ>
 *     previous <64 hex>       SHA-256 of the previous checkpoint's signed text (64 zeros for the first)
 *     key <16 hex>            the signing key's id: SHA-256 of the raw public key, first 16 hex digits
 */
import { z } from 'zod';

export const CHECKPOINT_HEADER = 'tipline audit checkpoint v1';
export const NO_PREVIOUS_CHECKPOINT = '0'.repeat(64);

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits');
const base64 = (bytes: number): z.ZodString =>
  z
    .string()
    .length(Math.ceil(bytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

/** A checkpoint with its signature, as the API sends it and a console remembers it. */
export const signedCheckpointSchema = z.object({
  sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  entries: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  head: hex64,
  time: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'must be a UTC time to the second'),
  previous: hex64,
  keyId: z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 lower-case hex digits'),
  /** Ed25519 over checkpointBody(), base64 (64 bytes). */
  signature: base64(64),
});
export type SignedCheckpoint = z.infer<typeof signedCheckpointSchema>;
export type CheckpointFields = Omit<SignedCheckpoint, 'signature'>;

/** An instance's raw 32-byte Ed25519 public key, base64. */
export const signingPublicKeySchema = base64(32);

/** The exact text a checkpoint's signature covers. */
export function checkpointBody(checkpoint: CheckpointFields): string {
  return [
    CHECKPOINT_HEADER,
    `sequence ${checkpoint.sequence}`,
    `entries ${checkpoint.entries}`,
    `head ${checkpoint.head}`,
    `time ${checkpoint.time}`,
    `previous ${checkpoint.previous}`,
    `key ${checkpoint.keyId}`,
    '',
  ].join('\n');
}

/**
 * The checkpoint as a file to keep (DATA_DIR/audit-checkpoint.txt, or
 * `tipline audit checkpoint --out`): the signed text, a blank line, the
 * signature and the public key it verifies under.
 */
export function checkpointFile(checkpoint: SignedCheckpoint, publicKeyBase64: string): string {
  return `${checkpointBody(checkpoint)}\nsignature ${checkpoint.signature}\npublic-key ${publicKeyBase64}\n`;
}

/** A checkpoint file read back; `problem` says what is wrong with one that is not. */
export type ParsedCheckpointFile = { ok: true; checkpoint: SignedCheckpoint; publicKey: string } | { ok: false; problem: string };

const FILE_KEYS = ['sequence', 'entries', 'head', 'time', 'previous', 'key', '', 'signature', 'public-key'] as const;

/** Read a checkpoint file (checkpointFile's format), strictly: any other text is refused. */
export function parseCheckpointFile(text: string): ParsedCheckpointFile {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines[0] !== CHECKPOINT_HEADER)
    return {
      ok: false,
      problem: `the first line is not "${CHECKPOINT_HEADER}"`,
    };
  if (lines.length !== FILE_KEYS.length + 1)
    return {
      ok: false,
      problem: `expected ${FILE_KEYS.length + 1} lines, found ${lines.length}`,
    };
  const values: Record<string, string> = {};
  for (const [index, key] of FILE_KEYS.entries()) {
    const line = lines[index + 1] ?? '';
    if (key === '') {
      if (line !== '') return { ok: false, problem: `line ${index + 2} must be empty` };
      continue;
    }
    if (!line.startsWith(`${key} `))
      return {
        ok: false,
        problem: `line ${index + 2} must start with "${key} "`,
      };
    values[key] = line.slice(key.length + 1);
  }
  const parsed = signedCheckpointSchema.safeParse({
    sequence: Number(values['sequence']),
    entries: Number(values['entries']),
    head: values['head'],
    time: values['time'],
    previous: values['previous'],
    keyId: values['key'],
    signature: values['signature'],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      problem: `bad ${String(issue?.path[0] ?? 'value')}: ${issue?.message ?? 'invalid'}`,
    };
  }
  const publicKey = signingPublicKeySchema.safeParse(values['public-key']);
  if (!publicKey.success) return { ok: false, problem: 'bad public-key: must be 32 bytes in base64' };
  // The numbers must be written canonically, as checkpointBody writes them, or the signature would not cover them.
  if (checkpointBody(parsed.data) !== lines.slice(0, 7).join('\n') + '\n') return { ok: false, problem: 'the signed lines are not in canonical form' };
  return { ok: true, checkpoint: parsed.data, publicKey: publicKey.data };
}

/** What a console's remembered checkpoint is, against the server's chain now. */
export const WITNESS_RESULTS = ['first_sight', 'consistent', 'fork', 'cut', 'bad_signature'] as const;
export type WitnessResult = (typeof WITNESS_RESULTS)[number];

/** POST /api/staff/audit/consistency: the checkpoint this console remembers, if any. */
export const consistencyRequestSchema = z.object({
  remembered: signedCheckpointSchema.nullable(),
});
export type ConsistencyRequest = z.infer<typeof consistencyRequestSchema>;

export const consistencyResponseSchema = z.object({
  /**
   * The latest signed checkpoint, covering the whole trail as it is now
   * (signed for this answer if needed). Over a damaged trail no new
   * checkpoint is signed: then the last one there is, or null if none is left.
   */
  current: signedCheckpointSchema.nullable(),
  /** The instance's public key (raw Ed25519, base64); a console pins it at first sight. */
  publicKey: signingPublicKeySchema,
  /**
   * first_sight: nothing was remembered. consistent: the trail still holds the
   * remembered head. fork: the entry at the remembered size has another hash
   * (rewritten). cut: the trail is now shorter than the remembered size.
   * bad_signature: the remembered checkpoint is not signed by this instance's key.
   */
  result: z.enum(WITNESS_RESULTS),
});
export type ConsistencyResponse = z.infer<typeof consistencyResponseSchema>;
