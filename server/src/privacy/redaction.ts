// Redaction of free text (tickets, notes, form messages, inbound e-mail) before it is stored.
// Policy P4: card and bank account numbers are never stored, so Luhn-valid card numbers and mod-97-valid IBANs
// are replaced by a mask that keeps only the last four characters. Policy P31: passwords people paste into
// support requests are flagged to staff (never echoed, never changed: staff decide what to do).
//
// Mask formats (fixed, so masking is idempotent and a mask can never merge with neighbouring digits):
//   card  -> `[card ending 1111]`
//   IBAN  -> `[IBAN SE ending 7466]`
//
// What counts as a card number: a run of 13-19 digits, whole digit groups only (never part of a longer digit group),
// written together or with single spaces (or no-break spaces) or single dashes between groups, one separator style
// per number, passing the Luhn check. A longer chain of groups (`4111 1111 1111 1111 2024`) has its Luhn-valid part
// masked. Known false positives, accepted on the side of never storing a card number: Luhn-valid 13-19 digit
// references (e.g. Swedish OCR payment references) are masked too.

export interface MaskResult {
  text: string;
  masked: number;
}

export interface PasswordHint {
  hint: string;
}

export interface RedactionResult {
  text: string;
  cardsMasked: number;
  ibansMasked: number;
  passwordHints: PasswordHint[];
}

/** The one function other modules call before storing free text. IBANs are masked before cards. */
export function redactForStorage(text: string): RedactionResult {
  const ibans = maskIbans(text);
  const cards = maskCardNumbers(ibans.text);
  return {
    text: cards.text,
    cardsMasked: cards.masked,
    ibansMasked: ibans.masked,
    passwordHints: detectLikelyPasswords(cards.text),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Card numbers (P4)

const CARD_MIN_DIGITS = 13;
const CARD_MAX_DIGITS = 19;

/** Maximal chains of digit groups joined by a single space, no-break space or dash. */
const DIGIT_CHAIN = /\d+(?:[ \u00a0-]\d+)*/g;

export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export const cardMask = (digits: string): string => `[card ending ${digits.slice(-4)}]`;

/**
 * A UUID (an order's or a ticket's id in a pasted link) is never a card number, though now and then
 * its leading groups are all digits and pass Luhn: UUIDs are left as they are.
 */
const UUID = /(?<![0-9a-f-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f-])/gi;

export function maskCardNumbers(text: string): MaskResult {
  let masked = 0;
  const maskSegment = (segment: string) =>
    segment.replace(DIGIT_CHAIN, (chain) => {
      const result = maskCardsInChain(chain);
      masked += result.masked;
      return result.text;
    });
  let out = '';
  let cursor = 0;
  for (const uuid of text.matchAll(UUID)) {
    out += maskSegment(text.slice(cursor, uuid.index)) + uuid[0];
    cursor = uuid.index + uuid[0].length;
  }
  return { text: out + maskSegment(text.slice(cursor)), masked };
}

interface DigitGroup {
  start: number;
  end: number;
  /** Separator style before this group: '' for the first, ' ' for a (no-break) space, '-' for a dash. */
  sep: string;
}

function maskCardsInChain(chain: string): MaskResult {
  const groups: DigitGroup[] = [];
  for (const m of chain.matchAll(/\d+/g)) {
    const start = m.index ?? 0;
    groups.push({ start, end: start + m[0].length, sep: start === 0 ? '' : chain[start - 1] === '-' ? '-' : ' ' });
  }
  let out = '';
  let cursor = 0;
  let masked = 0;
  let i = 0;
  while (i < groups.length) {
    // Longest Luhn-valid window of whole groups starting at group i, with one separator style.
    let best = -1;
    let bestDigits = '';
    let digits = '';
    for (let j = i; j < groups.length; j++) {
      if (j > i + 1 && groups[j].sep !== groups[i + 1].sep) break;
      digits += chain.slice(groups[j].start, groups[j].end);
      if (digits.length > CARD_MAX_DIGITS) break;
      if (digits.length >= CARD_MIN_DIGITS && isLuhnValid(digits)) {
        best = j;
        bestDigits = digits;
      }
    }
    if (best < 0) {
      i++;
      continue;
    }
    out += chain.slice(cursor, groups[i].start) + cardMask(bestDigits);
    cursor = groups[best].end;
    masked++;
    i = best + 1;
  }
  return { text: out + chain.slice(cursor), masked };
}

// ---------------------------------------------------------------------------------------------------------------
// IBANs (P4)

const IBAN_MIN_LENGTH = 15; // Norway
const IBAN_MAX_LENGTH = 34;

/** A country code and two check digits, then alphanumerics, optionally in space-separated groups. */
const IBAN_CANDIDATE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}[A-Za-z0-9]{0,30}(?: [A-Za-z0-9]{1,30}){0,16}/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** ISO 13616 check: structure, length 15-34 and mod 97 === 1. Spaces are ignored, case-insensitive. */
export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/ /g, '').toUpperCase();
  if (compact.length < IBAN_MIN_LENGTH || compact.length > IBAN_MAX_LENGTH) return false;
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = parseInt(ch, 36); // 0-9 -> 0-9, A-Z -> 10-35
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

export const ibanMask = (iban: string): string => {
  const compact = iban.replace(/ /g, '').toUpperCase();
  return `[IBAN ${compact.slice(0, 2)} ending ${compact.slice(-4)}]`;
};

export function maskIbans(text: string): MaskResult {
  const re = new RegExp(IBAN_CANDIDATE.source, IBAN_CANDIDATE.flags);
  let out = '';
  let cursor = 0;
  let masked = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index;
    const tokens = m[0].split(' ');
    let end = -1;
    // Longest prefix of whole groups that is a valid IBAN (trailing words or numbers are not part of it).
    for (let k = tokens.length; k >= 1 && end < 0; k--) {
      const candidate = tokens.slice(0, k).join(' ');
      const candidateEnd = start + candidate.length;
      if (WORD_CHAR.test(text.charAt(candidateEnd))) continue;
      if (isValidIban(candidate)) end = candidateEnd;
    }
    if (end < 0) {
      re.lastIndex = start + 1;
      continue;
    }
    out += text.slice(cursor, start) + ibanMask(text.slice(start, end));
    cursor = end;
    masked++;
    re.lastIndex = end;
  }
  return { text: out + text.slice(cursor), masked };
}

// ---------------------------------------------------------------------------------------------------------------
// Likely passwords (P31): flagged only, text unchanged, and no hint ever contains the text after the keyword.

const PASSWORD_KEYWORD =
  /(?<![\p{L}\p{N}_])(lösenordet|lösenorden|lösenord|losenordet|losenord|lösen|passwords|password|passwd|passcode|pwd|pass|pw)(?![\p{L}\p{N}_])/giu;

/** Keywords too common in ordinary prose to accept words between them and the connector (`pass it on: thanks`). */
const AMBIGUOUS_KEYWORDS = new Set(['pass', 'pw', 'lösen']);

interface ConnectorRule {
  pattern: RegExp;
  /** A strong connector (`:`/`=`) accepts any value; a weak one (`is`/`är`/a space) needs a password-like value. */
  strong: boolean;
  qualified: boolean;
}

const VALUE = String.raw`(?:\r?\n[ \t]*)?(\S+)`;
const CONNECTOR_RULES: ConnectorRule[] = [
  { pattern: new RegExp(String.raw`^[ \t]*([:=])[ \t]*${VALUE}`, 'u'), strong: true, qualified: false },
  {
    pattern: new RegExp(String.raw`^[ \t]+(is|är)(?![\p{L}\p{N}])[ \t]*:?[ \t]*${VALUE}`, 'iu'),
    strong: false,
    qualified: false,
  },
  {
    pattern: new RegExp(String.raw`^(?:[ \t]+[^\s:=]+){1,3}?[ \t]*(=|:(?=\s))[ \t]*${VALUE}`, 'u'),
    strong: true,
    qualified: true,
  },
  {
    pattern: new RegExp(String.raw`^(?:[ \t]+\S+){1,3}?[ \t]+(is|är)(?![\p{L}\p{N}])[ \t]*:?[ \t]*${VALUE}`, 'iu'),
    strong: false,
    qualified: true,
  },
  { pattern: /^()[ \t]+(\S+)/u, strong: false, qualified: false },
];

const PLACEHOLDER_VALUE = /^(?:[*•●x]+|\[.*\]|<.*>)$/iu;

function looksLikePassword(value: string): boolean {
  if (/^["'`«»”“]/u.test(value) && value.length > 2) return true;
  if (value.length < 4) return false;
  return /\d/.test(value) || /[^\p{L}\p{N}]/u.test(value) || /\p{Lu}/u.test(value.slice(1));
}

export function detectLikelyPasswords(text: string): PasswordHint[] {
  const hints: PasswordHint[] = [];
  const re = new RegExp(PASSWORD_KEYWORD.source, PASSWORD_KEYWORD.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const keyword = m[1].toLowerCase();
    const afterKeyword = m.index + m[0].length;
    const rest = text.slice(afterKeyword, afterKeyword + 300);
    for (const rule of CONNECTOR_RULES) {
      if (rule.qualified && AMBIGUOUS_KEYWORDS.has(keyword)) continue;
      const found = rule.pattern.exec(rest);
      if (!found) continue;
      const value = found[2].replace(/[.,;!?)]+$/u, '');
      const flagged = rule.strong ? value.length > 0 && !PLACEHOLDER_VALUE.test(value) : looksLikePassword(value);
      if (!flagged) continue;
      const connector = found[1].toLowerCase();
      const shown = connector === ':' || connector === '=' ? connector : connector ? ` ${connector}` : '';
      const line = text.slice(0, m.index).split('\n').length;
      hints.push({ hint: `after "${keyword}${rule.qualified ? ' …' : ''}${shown}" on line ${line}` });
      re.lastIndex = afterKeyword + found[0].length;
      break;
    }
  }
  return hints;
}
