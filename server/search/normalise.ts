/**
 * The search normaliser: the one place that turns text into search tokens,
 * for indexing and for queries alike, so both sides always agree.
 *
 * Text: NFKC (full-width letters and digits from a Chinese IME become ASCII),
 * lower case, then Traditional → Simplified Chinese with OpenCC's dictionary
 * (`opencc-js`, server-only; 黑社會 and 黑社会 become the same string).
 *
 * Tokens:
 * - CJK runs (Han, kana, Hangul) give character bigrams; a run of one
 *   character gives that character. Bigrams rather than a segmenter such as
 *   jieba: names, nicknames, shop and company names are exactly the words a
 *   dictionary does not know, and a segmenter that cuts "林志明" differently
 *   in the report and the query finds nothing; bigrams cannot miss that way.
 *   They also need no native module. A query's bigrams must all match (AND),
 *   so "黑社会" asks for 黑社 and 社会 together.
 * - Latin and digit runs give whole words (one-character words are dropped).
 *   Words and digit groups linked by one space, dash or dot, or written
 *   together (ABC1234 is "abc" + "1234"), form a chain; for plates and phone
 *   numbers every stretch of 2–5 linked segments that holds a digit is also
 *   a token, joined without separators. "ABC-1234", "abc 1234" and "ABC1234"
 *   all give "abc1234"; "0912-345-678" and "0912 345 678" give "0912345678".
 *   A query chain with a digit is looked up as that one joined token (so
 *   "abc 1234" means the plate, not two words anywhere).
 */
import * as OpenCC from 'opencc-js/t2cn';

/** Tokens longer than this are cut: nobody types them, and they bloat the index. */
const MAX_TOKEN_LENGTH = 64;
/** The longest chain of linked segments joined into one token (plates: 2–3, phone numbers: up to 5 groups). */
const MAX_JOINED_SEGMENTS = 5;

/** CJK runs, word runs (letters, digits, marks), single linking separators, anything else. */
const PIECES = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)|([\p{L}\p{N}\p{M}]+)|([ .\-])|([^])/gu;
/** Where a word splits into segments: between a letter and a digit. */
const LETTER_DIGIT_BOUNDARY = /(?<=\p{N})(?=[\p{L}\p{M}])|(?<=[\p{L}\p{M}])(?=\p{N})/u;

let toSimplified: ((text: string) => string) | null = null;

/** NFKC, lower case, Traditional → Simplified. The converter loads on first use (about 20 ms), not at start-up. */
export function normaliseText(text: string): string {
  toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return toSimplified(text.normalize('NFKC').toLowerCase());
}

/** Bigrams of a CJK run; a one-character run is its own token. */
function cjkTokens(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  return chars.slice(1).map((char, index) => `${chars[index] ?? ''}${char}`);
}

const hasDigit = (segment: string): boolean => /\p{N}/u.test(segment);
const cut = (token: string): string => [...token].slice(0, MAX_TOKEN_LENGTH).join('');

/** Chains of linked word segments and the CJK runs of normalised text, in order. */
function piecesOf(normalised: string): { chains: string[][]; cjkRuns: string[] } {
  const chains: string[][] = [];
  const cjkRuns: string[] = [];
  let chain: string[] = [];
  let linked = false; // one separator since the last segment
  const endChain = (): void => {
    if (chain.length > 0) chains.push(chain);
    chain = [];
    linked = false;
  };
  for (const [, cjk, word, separator] of normalised.matchAll(PIECES)) {
    if (word !== undefined) {
      chain.push(...word.split(LETTER_DIGIT_BOUNDARY));
      linked = false;
    } else if (separator !== undefined && chain.length > 0 && !linked) {
      linked = true;
    } else {
      endChain();
      if (cjk !== undefined) cjkRuns.push(cjk);
    }
  }
  endChain();
  return { chains, cjkRuns };
}

/** Every token of a text to index: words, joined plate and phone stretches, CJK bigrams. */
export function documentTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  const { chains, cjkRuns } = piecesOf(normaliseText(text));
  for (const run of cjkRuns) for (const token of cjkTokens(run)) tokens.add(token);
  for (const chain of chains) {
    for (const segment of chain) if ([...segment].length > 1) tokens.add(cut(segment));
    for (let start = 0; start < chain.length; start += 1) {
      for (let end = start + 2; end <= Math.min(chain.length, start + MAX_JOINED_SEGMENTS); end += 1) {
        const stretch = chain.slice(start, end);
        if (stretch.some(hasDigit)) tokens.add(cut(stretch.join('')));
      }
    }
  }
  return tokens;
}

/**
 * The tokens a query asks for, all of which must match. A chain with a digit
 * is one joined token when it is short enough to have been indexed joined;
 * a longer one asks for its words and its digit groups joined.
 */
export function queryTokens(query: string): string[] {
  const tokens = new Set<string>();
  const { chains, cjkRuns } = piecesOf(normaliseText(query));
  for (const run of cjkRuns) for (const token of cjkTokens(run)) tokens.add(token);
  for (const chain of chains) {
    if (chain.length > 1 && chain.length <= MAX_JOINED_SEGMENTS && chain.some(hasDigit)) {
      tokens.add(cut(chain.join('')));
      continue;
    }
    for (const segment of chain) if ([...segment].length > 1) tokens.add(cut(segment));
    for (const digits of digitStretches(chain)) tokens.add(cut(digits.join('')));
  }
  return [...tokens];
}

/** Maximal stretches of 2–5 consecutive digit segments (a phone number inside a long query). */
function digitStretches(chain: string[]): string[][] {
  const stretches: string[][] = [];
  let current: string[] = [];
  for (const segment of [...chain, '']) {
    if (/^\p{N}+$/u.test(segment)) {
      current.push(segment);
      continue;
    }
    if (current.length >= 2 && current.length <= MAX_JOINED_SEGMENTS) stretches.push(current);
    current = [];
  }
  return stretches;
}
