// The customer's journey in Chromium, end to end: she sees her own orders only, corrects her
// profile (P27), withdraws a consent (P13), requests a copy of her data from the privacy tools and,
// once the agency has completed the request, downloads the ZIP (P28, P33).
import { unzipSync, strFromU8 } from 'fflate';
import { readFile } from 'node:fs/promises';
import { queryAs } from '../../server/src/testing/database';
import { as } from '../support/api-client';
import { screenshot } from '../support/browser';
import { menuItem, useDashboard } from '../support/dashboard';
import { eventually } from '../support/wait';

const CUSTOMER = 'anna@bageriet.example.com'; // Anna Ek of Bageriet Ek AB; prefers Swedish

describe("the customer's journey in Chromium", () => {
  const dash = useDashboard();
  const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
    queryAs<T>(dash.db.superuserUrl, text, params);

  it('P27, P13, P28: own orders only, a corrected profile, a withdrawn consent, and her data as a download', async () => {
    const page = await dash.logIn(CUSTOMER);

    // Her orders only: every order row is one of Bageriet's.
    await menuItem(page, 'Mina beställningar').click();
    await page.getByRole('heading', { name: 'Mina beställningar' }).first().waitFor();
    const own = await sql<{ number: number }>(
      `select o.number from orders o join customers c on c.id = o.customer_id join tenants t on t.id = o.tenant_id
        where t.slug = 'jj-media' and c.name = 'Bageriet Ek AB'`,
    );
    await page
      .getByRole('cell', { name: String(own[0].number), exact: true })
      .first()
      .waitFor();
    const rows = (await page.getByRole('row').count()) - 1; // minus the header
    expect(rows).toBe(own.length);
    await screenshot(page, 'journey-customer-orders');

    // P27: her profile, corrected by herself.
    await page.goto(`${dash.app.url}/#/profile`);
    const contact = page.getByRole('region', { name: 'Dina kontaktuppgifter' });
    await contact.getByRole('textbox', { name: 'Telefon' }).fill('+46 70 555 12 34');
    await contact.getByRole('textbox', { name: 'Postnummer' }).fill('11122');
    await contact.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Din profil har sparats').waitFor();
    const [saved] = await sql(`select phone, postal_code from contacts where email = $1`, [CUSTOMER]);
    expect(saved).toEqual({ phone: '+46705551234', postal_code: '11122' });
    await screenshot(page, 'journey-customer-profile');

    // P13: a consent withdrawn with a switch, recorded as a new event.
    const before = await sql(`select count(*)::int as n from consent_events where decision = 'WITHDRAWN'`);
    await menuItem(page, 'Mina samtycken').click();
    const granted = page.getByRole('switch', { checked: true }).first();
    await granted.waitFor();
    await granted.click();
    const withdrawn = async () =>
      (await sql(`select count(*)::int as n from consent_events where decision = 'WITHDRAWN'`))[0].n;
    expect(await eventually(withdrawn, (n) => n !== before[0].n, { what: 'a new WITHDRAWN consent event' })).toBe(
      before[0].n + 1,
    );
    await screenshot(page, 'journey-customer-consents');

    // P28, P33: a copy of her data, requested in the privacy tools...
    await menuItem(page, 'Integritetsverktyg').click();
    await page.getByRole('button', { name: 'Skicka begäran' }).click();
    await page.getByText('Identitet kontrollerad').first().waitFor();
    const [request] = await sql(
      `select id from privacy_requests where requester_email = $1 and channel = 'PORTAL' order by received_at desc limit 1`,
      [CUSTOMER],
    );
    // ...completed by the agency...
    const staff = await as(dash.app.url, 'jj-media', 'EMPLOYEE');
    await staff.ok('mutation($id: UUID!) { privacyRequestStart(id: $id) { status } }', { id: request.id });
    await staff.ok('mutation($id: UUID!) { privacyRequestComplete(id: $id) { status } }', { id: request.id });
    // ...and downloaded by her, as a ZIP of documented JSON.
    await page.reload();
    const downloadButton = page.getByRole('button', { name: 'Ladda ner mina uppgifter' }).first();
    await downloadButton.waitFor();
    await screenshot(page, 'journey-customer-export-ready');
    const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'data.json', 'data.schema.json']);
    const data = JSON.parse(strFromU8(files['data.json']));
    expect(data.subject.email).toBe(CUSTOMER);
    expect(data.sections.contacts[0]).toMatchObject({ phone: '+46705551234', postalCode: '11122' });
  });
});
