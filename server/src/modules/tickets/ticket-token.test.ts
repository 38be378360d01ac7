// Issue 18: the signed ticket token of a ticket mail's Reply-To, and what an inbound answer keeps.
import { cutQuotedHistory } from './inbound-mail.parse';
import { findTicketToken, replyToWithToken, signTicketToken, ticketTokenKey, verifyTicketToken } from './ticket-token';

const key = ticketTokenKey('a-session-secret-for-tests');
const TENANT = '8d0f3c1e-0000-4000-8000-000000000001';
const OTHER = '8d0f3c1e-0000-4000-8000-000000000002';
const DAY = 86_400_000;

describe('M12: the ticket token', () => {
  it('M12: a token names its ticket within its agency, until it expires', () => {
    const token = signTicketToken(key, TENANT, 1042);
    expect(verifyTicketToken(key, TENANT, token)).toBe(1042);
    expect(verifyTicketToken(key, TENANT, token.toUpperCase())).toBe(1042); // a lower-cased local part, or not
    expect(verifyTicketToken(key, OTHER, token)).toBeNull(); // another agency's
    expect(verifyTicketToken(ticketTokenKey('another-installation'), TENANT, token)).toBeNull();
  });

  it('M12: an expired token does not thread', () => {
    const old = signTicketToken(key, TENANT, 1042, Date.now() - 181 * DAY);
    expect(verifyTicketToken(key, TENANT, old)).toBeNull();
    expect(verifyTicketToken(key, TENANT, old, Date.now() - 2 * DAY)).toBe(1042); // it was valid then
  });

  it('M12: a forged token does not thread (another number, another expiry, an altered MAC)', () => {
    const token = signTicketToken(key, TENANT, 1042);
    const [number, expires, mac] = token.split('.');
    expect(verifyTicketToken(key, TENANT, `1043.${expires}.${mac}`)).toBeNull();
    expect(
      verifyTicketToken(key, TENANT, `${number}.${(parseInt(expires!, 36) + 999).toString(36)}.${mac}`),
    ).toBeNull();
    expect(
      verifyTicketToken(key, TENANT, `${number}.${expires}.${mac!.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}`),
    ).toBeNull();
    expect(verifyTicketToken(key, TENANT, 'nonsense')).toBeNull();
  });

  it('M12: the token rides in a plus address, or in the subject', () => {
    const token = signTicketToken(key, TENANT, 7);
    const replyTo = replyToWithToken('support@agency.example.com', token)!;
    expect(replyTo).toBe(`support+t.${token}@agency.example.com`);
    expect(findTicketToken(['other@x.example.com', replyTo], 'Re: hi')).toBe(token);
    expect(findTicketToken([], `Re: [#7] hi [ref:${token}]`)).toBe(token);
    expect(replyToWithToken(null, token)).toBeNull();
  });
});

describe('M12: the quoted history is cut', () => {
  it('M12: at our marker line, and at the mail program’s attribution and quote', () => {
    expect(cutQuotedHistory('Tack!\n\n## Skriv ditt svar ovanför den här raden ##\nGammalt')).toBe('Tack!');
    expect(cutQuotedHistory('Thanks\r\n> ## Reply above this line ##\r\n> old')).toBe('Thanks');
    expect(cutQuotedHistory('Hej\n\nDen 6 dec. 2026 skrev JJ Media:\n> Vi tittar')).toBe('Hej');
    expect(cutQuotedHistory('Hi\n\nOn Sun, 6 Dec 2026 at 10:00, JJ Media wrote:\n> We are on it')).toBe('Hi');
    expect(cutQuotedHistory('Line one\nLine two')).toBe('Line one\nLine two');
  });
});
