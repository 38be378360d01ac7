import { DEMO_PASSWORD, demoLogins, demoTenants } from './demo';

describe('demo data', () => {
  it('uses only reserved example domains, so no demo mail can reach a real person', () => {
    const addresses = JSON.stringify(demoTenants).match(/[\w.+-]+@[\w.-]+/g) ?? [];
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(address).toMatch(/@([\w-]+\.)*(example\.com|test)$/);
  });

  it('has two agencies with distinct slugs', () => {
    expect(new Set(demoTenants.map((t) => t.slug)).size).toBe(2);
  });
});

describe('demo logins', () => {
  it('has one login per role per agency, each unique within its agency', () => {
    const logins = demoLogins();
    expect(logins).toHaveLength(demoTenants.length * 4);
    for (const t of demoTenants) {
      const emails = t.users.map((u) => u.email.toLowerCase());
      expect(new Set(emails).size).toBe(emails.length);
    }
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
  });
});
