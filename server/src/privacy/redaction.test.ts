import {
  detectLikelyPasswords,
  isLuhnValid,
  isValidIban,
  maskCardNumbers,
  maskIbans,
  redactForStorage,
} from './redaction';

const TEST_CARDS: Array<[name: string, digits: string, formatted: string]> = [
  ['Visa', '4111111111111111', '4111 1111 1111 1111'],
  ['Visa', '4242424242424242', '4242-4242-4242-4242'],
  ['Mastercard', '5555555555554444', '5555 5555 5555 4444'],
  ['Amex', '378282246310005', '3782 822463 10005'],
  ['Amex', '371449635398431', '3714-496353-98431'],
  ['Diners', '30569309025904', '3056 930902 5904'],
  ['Discover', '6011111111111117', '6011 1111 1111 1117'],
  ['JCB', '3530111333300000', '3530 1113 3330 0000'],
];

const digitsOf = (s: string) => s.replace(/\D/g, '');

/**
 * Independent oracle for the property test: walks the characters and reports every card-like run, i.e. 13-19 digits
 * starting and ending at digit-group boundaries, groups joined by one separator style (space/no-break space, or dash),
 * that passes the Luhn check.
 */
function cardLikeRuns(text: string): string[] {
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  const styleOf = (c: string) => (c === '-' ? 'dash' : c === ' ' || c === '\u00a0' ? 'space' : null);
  const found: string[] = [];
  for (let s = 0; s < text.length; s++) {
    if (!isDigit(text[s]) || isDigit(text[s - 1])) continue;
    let digits = '';
    let style: string | null = null;
    for (let p = s; p < text.length && digits.length <= 19; p++) {
      const c = text[p];
      if (isDigit(c)) {
        digits += c;
        const groupEnds = !isDigit(text[p + 1]);
        if (groupEnds && digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits)) found.push(digits);
        continue;
      }
      const sepStyle = styleOf(c);
      if (!sepStyle || !isDigit(text[p + 1]) || (style !== null && style !== sepStyle)) break;
      style = sepStyle;
    }
  }
  return found;
}

describe('P4: ids are not card numbers', () => {
  it('P4: a UUID whose leading groups are digits passing Luhn is kept, a card next to it is masked', () => {
    const id = '91164340-6822-4230-8abc-0123456789ab'; // 9116434068224230 passes Luhn
    expect(isLuhnValid('9116434068224230')).toBe(true);
    const { text, masked } = maskCardNumbers(`Order https://x.example/orders/${id} paid with 4242 4242 4242 4242`);
    expect(text).toBe(`Order https://x.example/orders/${id} paid with [card ending 4242]`);
    expect(masked).toBe(1);
  });
});

/** mulberry32: tiny seeded PRNG so the generated cases are the same on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function luhnComplete(body: string): string {
  for (let d = 0; d <= 9; d++) if (isLuhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

describe('privacy redaction', () => {
  describe('card numbers', () => {
    it.each(TEST_CARDS)(
      'P4: a test card number in a ticket is masked to its last four digits (%s %s)',
      (_name, digits, formatted) => {
        for (const written of [digits, formatted, formatted.replace(/[ -]/g, '-'), formatted.replace(/[ -]/g, ' ')]) {
          const result = maskCardNumbers(`Hej! Mitt kort är ${written}, utgång 12/27.`);
          expect(result.text).toBe(`Hej! Mitt kort är [card ending ${digits.slice(-4)}], utgång 12/27.`);
          expect(result.masked).toBe(1);
          expect(digitsOf(result.text)).not.toContain(digits);
        }
      },
    );

    it('P4: Luhn-invalid look-alikes of card numbers are left alone', () => {
      const text = [
        '4111 1111 1111 1112',
        '4242-4242-4242-4241',
        '5555555555554445',
        '3782 822463 10006',
        '1234567890123',
        '1234 5678 9012 3456 789',
      ].join(' / ');
      expect(digitsOf(text).length).toBeGreaterThan(80);
      expect(maskCardNumbers(text)).toEqual({ text, masked: 0 });
    });

    it('P4: phone, personnummer, org numbers, dates, order numbers and amounts stay untouched', () => {
      const text =
        'Ring mig på +46 70 123 45 67 eller 070-123 45 67. Personnummer 19800101-1234, org.nr 556677-8899. ' +
        'Fakturan 2024-03-15 gällde order #100234 på 1 299,00 kr, förfallodag 2024-04-14. ' +
        // Two dates whose 16 digits happen to pass Luhn: mixed separators are not one card-like run.
        'Perioder: 2024-01-05 2024-03-15.';
      expect(isLuhnValid(digitsOf('2024-01-05 2024-03-15'))).toBe(true);
      expect(redactForStorage(text)).toEqual({ text, cardsMasked: 0, ibansMasked: 0, passwordHints: [] });
    });

    it('P4: several cards in one text, at the start, at the end and next to punctuation are all masked', () => {
      const text = '4111111111111111, (5555-5555-5555-4444); "3782 822463 10005"\nsista:4242424242424242';
      const result = maskCardNumbers(text);
      expect(result.text).toBe(
        '[card ending 1111], ([card ending 4444]); "[card ending 0005]"\nsista:[card ending 4242]',
      );
      expect(result.masked).toBe(4);
    });

    it('P4: a card number inside a longer digit run is not masked, but a card followed by a short group is', () => {
      const long = '123' + '4111111111111111' + '456789'; // 25 digits, an id rather than a card
      expect(long).toHaveLength(25);
      expect(maskCardNumbers(`id ${long}`)).toEqual({ text: `id ${long}`, masked: 0 });
      expect(maskCardNumbers('4111 1111 1111 1111 123 cvc').text).toBe('[card ending 1111] 123 cvc');
    });

    it('P4: masking is idempotent', () => {
      const once = redactForStorage('kort 4111 1111 1111 1111, konto SE45 5000 0000 0583 9825 7466').text;
      expect(once).toBe('kort [card ending 1111], konto [IBAN SE ending 7466]');
      expect(redactForStorage(once)).toEqual({ text: once, cardsMasked: 0, ibansMasked: 0, passwordHints: [] });
    });

    it('P4: generated texts never keep a Luhn-valid 13-19 digit run after redaction', () => {
      const random = prng(0x5eed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
      const digitsN = (n: number) => Array.from({ length: n }, () => String(Math.floor(random() * 10))).join('');
      const separators = [' ', ' ', '-', '\u00a0', '  ', '--', '/', '.', ',', ', ', ' - ', '\n'];
      const words = ['hej', 'kort', 'order', '#', 'kr', 'SE', 'card', '[card ending 1111]', 'x', ':', '(', ')'];
      const formatCard = (digits: string) => {
        const sep = pick(['', ' ', '-', '\u00a0']);
        return sep === '' ? digits : (digits.match(/.{1,4}/g) ?? []).join(sep);
      };
      let inputsWithCards = 0;
      for (let n = 0; n < 400; n++) {
        const pieces: string[] = [];
        const insertedCards: string[] = [];
        const count = 1 + Math.floor(random() * 12);
        for (let k = 0; k < count; k++) {
          const roll = random();
          if (roll < 0.45) pieces.push(digitsN(1 + Math.floor(random() * 8)));
          else if (roll < 0.6) pieces.push(pick(words));
          else if (roll < 0.75) {
            const card = pick(TEST_CARDS)[1];
            const written = formatCard(card);
            insertedCards.push(written);
            pieces.push(written);
          } else if (roll < 0.85) {
            const card = luhnComplete(digitsN(12 + Math.floor(random() * 7)));
            const written = formatCard(card);
            insertedCards.push(written);
            pieces.push(written);
          } else pieces.push(digitsN(9 + Math.floor(random() * 14)));
          pieces.push(pick(separators));
        }
        const input = pieces.join('');
        if (cardLikeRuns(input).length > 0) inputsWithCards++;

        const output = redactForStorage(input).text;
        expect({ input, runs: cardLikeRuns(output) }).toEqual({ input, runs: [] });
        for (const written of insertedCards) {
          // A card written on its own (no digit group joined to it on either side) never survives, in any form.
          const standalone = new RegExp(`(?<!\\d)(?<!\\d[ \\u00a0-])${written}(?![ \\u00a0-]?\\d)`);
          if (standalone.test(input)) expect(output).not.toContain(written);
        }
        expect(redactForStorage(output).text).toBe(output);
      }
      // The generator really does produce card numbers, so the property above is not vacuous.
      expect(inputsWithCards).toBeGreaterThan(150);
    });
  });

  describe('IBANs', () => {
    it.each([
      ['SE45 5000 0000 0583 9825 7466', '[IBAN SE ending 7466]'],
      ['SE4550000000058398257466', '[IBAN SE ending 7466]'],
      ['DE89 3704 0044 0532 0130 00', '[IBAN DE ending 3000]'],
      ['de89370400440532013000', '[IBAN DE ending 3000]'],
      ['GB29 NWBK 6016 1331 9268 19', '[IBAN GB ending 6819]'],
    ])('P4: a bank account number (IBAN %s) in a ticket is masked to country and last four', (iban, mask) => {
      expect(isValidIban(iban)).toBe(true);
      const result = maskIbans(`Betala till ${iban} tack.`);
      expect(result).toEqual({ text: `Betala till ${mask} tack.`, masked: 1 });
    });

    it('P4: an IBAN followed by more digits or words keeps only the IBAN masked', () => {
      expect(maskIbans('SE45 5000 0000 0583 9825 7466 1200 kr').text).toBe('[IBAN SE ending 7466] 1200 kr');
      expect(maskIbans('konton: SE45 5000 0000 0583 9825 7466 och DE89 3704 0044 0532 0130 00.')).toEqual({
        text: 'konton: [IBAN SE ending 7466] och [IBAN DE ending 3000].',
        masked: 2,
      });
    });

    it('P4: an IBAN with a wrong check digit, or embedded in a longer word, is left alone', () => {
      for (const text of [
        'SE45 5000 0000 0583 9825 7467',
        'SE46 5000 0000 0583 9825 7466',
        'DE89 3704 0044 0532 0131 00',
        'xSE4550000000058398257466',
        'NO18AB1234567890CDEF1234567890GHIJK', // a valid 34-character IBAN followed by one more letter
      ]) {
        expect(isValidIban(text.replace(/^x|K$/, ''))).toBe(/^x|K$/.test(text));
        expect(maskIbans(text)).toEqual({ text, masked: 0 });
      }
    });
  });

  describe('likely passwords', () => {
    it.each([
      ['Mitt lösenord: Sommar2024!', 'after "lösenord:" on line 1'],
      ['Hej,\nLÖSENORDET ÄR hunter2', 'after "lösenordet är" on line 2'],
      ['lösenordet till wp-admin är Kaffe#123', 'after "lösenordet … är" on line 1'],
      ['Login: admin\nPassword:\n  s3cr3t-pw', 'after "password:" on line 2'],
      ['https://example.se/login?user=anna&pwd=abc123', 'after "pwd=" on line 1'],
      ['The password is Tr0ub4dor&3.', 'after "password is" on line 1'],
      ['pass Xy7!kL', 'after "pass" on line 1'],
    ])('P31: a password shared in a ticket is flagged without being echoed (%j)', (text, hint) => {
      const hints = detectLikelyPasswords(text);
      expect(hints).toEqual([{ hint }]);
      const secret = text.split(/[:=\s]+/).pop() ?? '';
      expect(secret.length).toBeGreaterThan(3);
      expect(hints[0].hint).not.toContain(secret.replace(/\.$/, ''));
    });

    it('P31: flags every password in a text, and redaction leaves the text itself unchanged', () => {
      const text = 'FTP-lösenord: Gran9!\nCMS password = Birch8?\nTack!';
      const result = redactForStorage(text);
      expect(result.text).toBe(text);
      expect(result.passwordHints).toEqual([
        { hint: 'after "lösenord:" on line 1' },
        { hint: 'after "password=" on line 2' },
      ]);
    });

    it('P31: texts that only talk about passwords give no hints', () => {
      for (const text of [
        'Jag har glömt mitt lösenord, kan ni återställa det?',
        'Lösenordet är fel och jag kommer inte in.',
        'The password is wrong, please send a reset link.',
        'Passwords must be at least 12 characters long.',
        'Please pass the invoice to accounting. Passport number not needed.',
        'We will pass it on: thanks for reporting!',
        'Password: ********',
        'Ring 070-123 45 67 om ordern #100234.',
      ]) {
        expect({ text, hints: detectLikelyPasswords(text) }).toEqual({ text, hints: [] });
      }
    });
  });
});
