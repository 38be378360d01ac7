// M19 (issue 25): the audit log names every event in both languages. AUDIT_ACTIONS is the one list
// of what the server writes (its audit() and system tasks accept nothing else, by type), so an action
// added there without a Swedish and an English name fails here.
import { AUDIT_ACTIONS } from '@sitecare/schema';

import { auditActionEnglish } from './auditMessages';
import { auditActionSwedish } from './auditMessages.sv';

describe('M19: the audit log names every action the server writes', () => {
  for (const [language, messages] of [
    ['en', auditActionEnglish],
    ['sv', auditActionSwedish],
  ] as const) {
    const names: Record<string, unknown> = messages;

    it(`M19: every audited action has a ${language} name, and no name is for an action the server never writes`, () => {
      const missing = AUDIT_ACTIONS.filter((action) => typeof names[action] !== 'string' || !names[action]);
      expect(missing).toEqual([]);
      expect(Object.keys(names).filter((key) => !(AUDIT_ACTIONS as readonly string[]).includes(key))).toEqual([]);
    });
  }

  it('M19: no name is the bare action (user.invite reads "Användare inbjuden")', () => {
    const en: Record<string, string> = auditActionEnglish;
    const sv: Record<string, string> = auditActionSwedish;
    expect(AUDIT_ACTIONS.filter((action) => sv[action] === action || en[action] === action)).toEqual([]);
    expect(sv['user.invite']).toBe('Användare inbjuden');
  });
});
