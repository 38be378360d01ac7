import { demoTenants } from './demo';

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
