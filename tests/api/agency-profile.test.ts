// Issue 17, the agency's profile: admins edit it through `tenantUpdate`; organisation number, VAT
// number, bankgiro, plusgiro and IBAN are checked to their check digits (property tests over valid
// and corrupted numbers), each bad field named; changes are audited by field name only; the logo is
// sniffed by its content and served.
import fc from 'fast-check';
import { queryAs } from '../../server/src/testing/database';
import {
  checkBankgiro,
  checkIban,
  checkOrganisationNumber,
  checkPlusgiro,
  checkVatNumber,
} from '../../server/src/modules/tenants/business-identifiers';
import { as, errorCode, type ApiClient } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';

let demo: DemoApp;
let admin: ApiClient;
beforeAll(async () => {
  demo = await startDemoApp();
  admin = await as(demo.url, 'jj-media', 'ADMIN');
}, 60_000);
afterAll(() => demo?.stop());

const UPDATE = `mutation($i: TenantUpdateInput!) { tenantUpdate(input: $i) {
  organisationNumber vatNumber bankgiro plusgiro iban bic legalName supportEmail senderName currency fSkatt } }`;

/** The oracle, written apart from the server's: Luhn (mod 10) check digit of `digits`. */
function luhnDigit(digits: string): string {
  let sum = 0;
  [...digits].reverse().forEach((ch, i) => {
    let d = Number(ch) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  });
  return String((10 - (sum % 10)) % 10);
}

/** ISO 13616 check digits of a Swedish IBAN with this 20-digit BBAN. */
function swedishIban(bban: string): string {
  const numeric = `${bban}2814` + '00'; // S=28, E=14
  let rest = 0;
  for (const ch of numeric) rest = (rest * 10 + Number(ch)) % 97;
  return `SE${String(98 - rest).padStart(2, '0')}${bban}`;
}

const digits = (min: number, max = min) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
/** Organisation numbers: nine digits (the third 2 or more, as for legal persons) and their check digit. */
const orgNumber = fc
  .tuple(digits(2), fc.integer({ min: 2, max: 9 }), digits(6))
  .map(([a, b, c]) => `${a}${b}${c}`)
  .map((nine) => nine + luhnDigit(nine));
const bankgiro = digits(6, 7).map((body) => body + luhnDigit(body));
const plusgiro = digits(1, 7).map((body) => body + luhnDigit(body));
const iban = digits(20).map(swedishIban);

/** One digit at `at` (of the positions in `range`) changed: every check here catches that. */
function corrupt(value: string, positions: number[], at: number, by: number): string {
  const i = positions[at % positions.length];
  const d = (Number(value[i]) + 1 + (by % 9)) % 10;
  return value.slice(0, i) + String(d) + value.slice(i + 1);
}
const digitPositions = (value: string, from = 0, to = value.length) =>
  [...value].map((ch, i) => (i >= from && i < to && /\d/.test(ch) ? i : -1)).filter((i) => i >= 0);
const corruption = fc.tuple(fc.nat(), fc.nat());

describe('M11: the business identifiers, checked to their check digits', () => {
  it('M11: valid Swedish organisation numbers pass (normalised to NNNNNN-NNNN); any one digit changed fails', () => {
    fc.assert(
      fc.property(orgNumber, corruption, (n, [at, by]) => {
        expect(checkOrganisationNumber(n, 'SE')).toEqual({ ok: true, value: `${n.slice(0, 6)}-${n.slice(6)}` });
        expect(checkOrganisationNumber(`16${n}`, 'SE')).toMatchObject({ ok: true });
        expect(checkOrganisationNumber(corrupt(n, digitPositions(n), at, by), 'SE')).toMatchObject({ ok: false });
        // Other countries keep their own formats: free text.
        expect(checkOrganisationNumber(corrupt(n, digitPositions(n), at, by), 'NO')).toMatchObject({ ok: true });
      }),
      { numRuns: 500 },
    );
  });

  it('M11: Swedish VAT numbers (SE + organisation number + 01) pass; a changed digit fails', () => {
    fc.assert(
      fc.property(orgNumber, corruption, (n, [at, by]) => {
        const vat = `SE${n}01`;
        expect(checkVatNumber(vat.toLowerCase())).toEqual({ ok: true, value: vat });
        expect(checkVatNumber(corrupt(vat, digitPositions(vat, 2, 12), at, by))).toMatchObject({ ok: false });
      }),
      { numRuns: 500 },
    );
    // Per EU country: the format and check digits of each (known-valid numbers).
    for (const valid of ['DE136695976', 'FI20774740', 'DK13585628', 'NL004495445B01', 'FR40303265045'])
      expect(checkVatNumber(valid)).toMatchObject({ ok: true });
    for (const invalid of ['DE136695977', 'FI20774741', 'SE55603607930', 'XX123456789'])
      expect(checkVatNumber(invalid)).toMatchObject({ ok: false });
  });

  it('M11: bankgiro and plusgiro numbers (mod 10) pass; a changed digit fails', () => {
    fc.assert(
      fc.property(bankgiro, plusgiro, corruption, (bg, pg, [at, by]) => {
        expect(checkBankgiro(bg)).toEqual({ ok: true, value: `${bg.slice(0, -4)}-${bg.slice(-4)}` });
        expect(checkBankgiro(corrupt(bg, digitPositions(bg), at, by))).toMatchObject({ ok: false });
        expect(checkPlusgiro(pg)).toEqual({ ok: true, value: `${pg.slice(0, -1)}-${pg.slice(-1)}` });
        expect(checkPlusgiro(corrupt(pg, digitPositions(pg), at, by))).toMatchObject({ ok: false });
      }),
      { numRuns: 500 },
    );
  });

  it('M11: IBANs (mod 97) pass in any spacing; a changed digit fails', () => {
    fc.assert(
      fc.property(iban, corruption, (value, [at, by]) => {
        const spaced = value
          .replace(/(.{4})/g, '$1 ')
          .trim()
          .toLowerCase();
        expect(checkIban(spaced)).toEqual({ ok: true, value });
        expect(checkIban(corrupt(value, digitPositions(value, 2), at, by))).toMatchObject({ ok: false });
      }),
      { numRuns: 500 },
    );
  });

  it('M11: over the API, the same numbers are stored normalised, and corrupted ones are refused naming the field', async () => {
    await fc.assert(
      fc.asyncProperty(orgNumber, bankgiro, plusgiro, iban, corruption, async (n, bg, pg, ib, [at, by]) => {
        const saved = await admin.ok<{ tenantUpdate: Record<string, string> }>(UPDATE, {
          i: { country: 'SE', organisationNumber: n, vatNumber: `SE${n}01`, bankgiro: bg, plusgiro: pg, iban: ib },
        });
        expect(saved.tenantUpdate).toMatchObject({
          organisationNumber: `${n.slice(0, 6)}-${n.slice(6)}`,
          vatNumber: `SE${n}01`,
          iban: ib,
        });
        const bad = {
          organisationNumber: corrupt(n, digitPositions(n), at, by),
          vatNumber: corrupt(`SE${n}01`, digitPositions(`SE${n}01`, 2, 12), at, by),
          bankgiro: corrupt(bg, digitPositions(bg), at, by),
          plusgiro: corrupt(pg, digitPositions(pg), at, by),
          iban: corrupt(ib, digitPositions(ib, 2), at, by),
        };
        const res = await admin.gql(UPDATE, { i: bad });
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        const fields = (res.errors![0].extensions!.fields as Array<{ field: string }>).map((f) => f.field);
        expect(fields.sort()).toEqual(Object.keys(bad).sort());
        // Nothing of a refused submission is stored, and no error echoes the value.
        expect(JSON.stringify(res.errors)).not.toContain(bad.iban);
      }),
      { numRuns: 15 },
    );
  });

  it('M11: other fields are checked too (BIC, e-mail, currency, VAT rate, time zone), each error naming its field', async () => {
    const res = await admin.gql(UPDATE, {
      i: {
        bic: 'NOTABIC!',
        supportEmail: 'nope',
        currency: 'KRONOR',
        vatRateBasisPoints: 12_000,
        timezone: 'Mars/Olympus',
      },
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    const fields = (res.errors![0].extensions!.fields as Array<{ field: string }>).map((f) => f.field);
    expect(new Set(fields)).toEqual(new Set(['supportEmail', 'currency', 'vatRateBasisPoints', 'timezone']));
    // BIC is the service's check, after the input's own: asked alone it is named too.
    const bic = await admin.gql(UPDATE, { i: { bic: 'NOTABIC!' } });
    expect(bic.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bic' });
    const name = await admin.gql(UPDATE, { i: { name: null } });
    expect(name.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });
});

describe('M11: the agency profile', () => {
  it('M11: an admin saves the profile; every change is audited with the field names, never the values', async () => {
    const values = {
      legalName: 'JJ Media Aktiebolag',
      bic: 'handsesS',
      supportEmail: 'kundtjanst@jj-media.example.com',
      senderName: 'JJ Media kundtjänst',
      currency: 'eur',
      fSkatt: false,
    };
    const { tenantUpdate } = await admin.ok(UPDATE, { i: values });
    expect(tenantUpdate).toMatchObject({ ...values, bic: 'HANDSESS', currency: 'EUR' });
    // Clearing: null or an empty string.
    const cleared = await admin.ok(UPDATE, { i: { plusgiro: '', legalName: 'JJ Media AB' } });
    expect(cleared.tenantUpdate.plusgiro).toBeNull();

    const rows = await queryAs<{ detail: { changed: string[] } }>(
      demo.db.superuserUrl,
      `select a.detail from audit_events a join tenants t on t.id = a.tenant_id
        where t.slug = 'jj-media' and a.action = 'tenant.update' order by a.created_at`,
    );
    expect(rows.map((r) => r.detail.changed)).toContainEqual(
      expect.arrayContaining(['legalName', 'bic', 'supportEmail', 'senderName', 'currency', 'fSkatt']),
    );
    const details = JSON.stringify(rows);
    for (const value of ['Aktiebolag', 'HANDSESS', 'kundtjanst@', 'kundtjänst', 'SE556'])
      expect(details).not.toContain(value);
  });

  it('M11: only admins change it; every login still reads its own agency, never another', async () => {
    for (const role of ['EMPLOYEE', 'CONTRACTOR', 'CUSTOMER'] as const) {
      const client = await as(demo.url, 'jj-media', role);
      expect(errorCode(await client.gql(UPDATE, { i: { legalName: 'Hijacked' } }))).toBe('FORBIDDEN');
      expect(errorCode(await client.gql('mutation { tenantLogoRemove { id } }'))).toBe('FORBIDDEN');
    }
    const other = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    const { tenant } = await other.ok('{ tenant { slug legalName supportEmail } }');
    expect(tenant).toEqual({
      slug: 'nordvik-webbyra',
      legalName: 'Nordvik Webbyrå AB',
      supportEmail: 'hjalp@nordvik.example.com',
    });
  });

  it('M11: the logo is sniffed by content (PNG, JPEG, WebP; SVG and oversized refused) and served at its URL', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const SET = 'mutation($i: TenantLogoInput!) { tenantLogoSet(input: $i) { logoUrl } }';
    const { tenantLogoSet } = await admin.ok(SET, { i: { contentBase64: png } });
    expect(tenantLogoSet.logoUrl).toMatch(/^\/agency-logo\/jj-media\?v=\d+$/);
    const served = await fetch(`${demo.url}${tenantLogoSet.logoUrl}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(png, 'base64'))).toBe(true);

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString(
      'base64',
    );
    const text = Buffer.from('just text, called logo.png').toString('base64');
    const huge = Buffer.concat([Buffer.from(png, 'base64'), Buffer.alloc(257 * 1024)]).toString('base64');
    for (const contentBase64 of [svg, text, huge]) {
      const res = await admin.gql(SET, { i: { contentBase64 } });
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contentBase64' });
    }
    // The refused ones left the logo as it was; removing it ends the URL.
    expect((await fetch(`${demo.url}${tenantLogoSet.logoUrl}`)).status).toBe(200);
    await admin.ok('mutation { tenantLogoRemove { logoUrl } }');
    expect((await fetch(`${demo.url}/agency-logo/jj-media`)).status).toBe(404);
    expect((await fetch(`${demo.url}/agency-logo/no-such-agency`)).status).toBe(404);
  });
});
