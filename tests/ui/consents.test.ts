// Consents in Chromium: the customer withdraws a consent with a switch on "My consents" and finds it
// in her history (P13); staff read the agency's consent history and the processing purposes (P12).
import { queryAs } from '../../server/src/testing/database';
import { screenshot } from '../support/browser';
import { menuItem, useDashboard } from '../support/dashboard';

const CUSTOMER = 'anna@bageriet.example.com'; // Swedish; newsletter by e-mail granted in the demo data
const EMPLOYEE = 'erik@jj-media.example.com';

describe('consents in Chromium', () => {
  const dash = useDashboard();
  const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
    queryAs<T>(dash.db.superuserUrl, text, params);

  it('P13: the customer withdraws her newsletter consent with a switch and sees it in the history', async () => {
    const page = await dash.logIn(CUSTOMER);
    await menuItem(page, 'Mina samtycken').click();
    const newsletterByEmail = page.getByLabel('Nyhetsbrev och erbjudanden – E-post', { exact: true });
    await newsletterByEmail.waitFor();
    expect(await newsletterByEmail.isChecked()).toBe(true);
    await newsletterByEmail.click();
    await page.getByText('Ditt val är sparat').waitFor();
    expect(await newsletterByEmail.isChecked()).toBe(false);
    await page
      .getByRole('row')
      .filter({ hasText: 'Återkallat' })
      .filter({ hasText: 'Kundportalen' })
      .filter({ hasText: 'Nyhetsbrev' })
      .waitFor();
    const [latest] = await sql(
      `select e.decision, e.method from consent_events e join processing_purposes p on p.id = e.purpose_id
        where e.subject_email = $1 and p.key = 'newsletter' and e.channel = 'EMAIL' order by e.created_at desc limit 1`,
      [CUSTOMER],
    );
    expect(latest).toEqual({ decision: 'WITHDRAWN', method: 'PORTAL' });
    await screenshot(page, 'consents-customer');
  }, 60_000);

  it('P12: staff read the consent history and the purposes with their legal basis', async () => {
    const page = await dash.logIn(EMPLOYEE);
    expect(await menuItem(page, 'Mina samtycken').count()).toBe(0);
    await menuItem(page, 'Samtycken').click();
    await page.getByRole('cell', { name: 'prenumerant@jj-media.example.com' }).first().waitFor();
    await page.getByRole('cell', { name: 'Bekräftat via e-post' }).first().waitFor();
    await menuItem(page, 'Ändamål').click();
    await page.getByRole('cell', { name: 'Avtal' }).first().waitFor();
    await page.getByRole('cell', { name: 'Samtycke' }).first().waitFor();
    await screenshot(page, 'consents-purposes');
    // The customer's page shows its contacts' consent history.
    await menuItem(page, 'Kunder').click();
    await page.getByRole('cell', { name: 'Bageriet Ek AB' }).click();
    await page.getByRole('cell', { name: 'olof@bageriet.example.com' }).first().waitFor();
    await page.getByRole('cell', { name: 'Avregistreringslänk' }).first().waitFor();
    await screenshot(page, 'consents-customer-page');
  }, 60_000);
});
