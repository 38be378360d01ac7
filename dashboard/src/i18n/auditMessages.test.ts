// M19 (issue 25): the audit log names every event in both languages. AUDIT_ACTIONS is the one list
// of what the server writes (its audit() and system tasks accept nothing else, by type), so an action
// added there without a Swedish and an English name fails here.
import { AUDIT_ACTIONS } from '@sitecare/schema';

import english from './english';
import swedish from './swedish';

describe('M19: the audit log names every action the server writes', () => {
  for (const [language, messages] of [
    ['en', english],
    ['sv', swedish],
  ] as const) {
    const names = (messages.sitecare as { audit_action: Record<string, unknown> }).audit_action;

    it(`M19: every audited action has a ${language} name, and no name is for an action the server never writes`, () => {
      const missing = AUDIT_ACTIONS.filter((action) => typeof names[action] !== 'string' || !names[action]);
      expect(missing).toEqual([]);
      expect(Object.keys(names).filter((key) => !(AUDIT_ACTIONS as readonly string[]).includes(key))).toEqual([]);
    });
  }

  it('M19: no name is the bare action (user.invite reads "Användare inbjuden")', () => {
    const en = (english.sitecare as { audit_action: Record<string, string> }).audit_action;
    const sv = (swedish.sitecare as { audit_action: Record<string, string> }).audit_action;
    expect(AUDIT_ACTIONS.filter((action) => sv[action] === action || en[action] === action)).toEqual([]);
    expect(sv['user.invite']).toBe('Användare inbjuden');
  });
});
