// Consents in Chromium: the customer withdraws a consent with a switch on "My consents" and finds it
// in her history (P13); staff record a decision on a person's instruction from the customer's page
// (P13); staff read the agency's consent history and the processing purposes (P12).
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
  });

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
  });

  it("P13: staff record a consent decision on the person's instruction, from the customer's page", async () => {
    const page = await dash.logIn(EMPLOYEE);
    await menuItem(page, 'Kunder').click();
    await page.getByRole('cell', { name: 'Bageriet Ek AB' }).click();
    const olof = page.getByRole('row').filter({ hasText: 'olof@bageriet.example.com' });
    await olof.getByRole('button', { name: 'Registrera samtycke' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrera ett samtyckesbeslut för Olof Ek' });
    await dialog.getByText('Bara på personens egen begäran').waitFor();
    // Saving without a purpose is refused in the form, naming the field.
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.getByText('Obligatoriskt').first().waitFor();
    await dialog.getByRole('combobox', { name: 'Ändamål' }).click();
    // Only consent-based purposes are offered: service delivery (contract) is not.
    expect(await page.getByRole('option', { name: 'Leverans av våra tjänster' }).count()).toBe(0);
    await page.getByRole('option', { name: 'Nyhetsbrev och erbjudanden' }).click();
    await dialog.getByRole('combobox', { name: 'Kanal' }).click();
    await page.getByRole('option', { name: 'Telefon' }).click();
    await dialog.getByRole('radio', { name: 'Personen ger sitt samtycke' }).check();
    await dialog.getByRole('textbox', { name: 'Visad text' }).fill('Ja, ni får ringa mig om erbjudanden.');
    await screenshot(page, 'consents-record-on-instruction');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Beslutet är registrerat').waitFor();
    const [latest] = await sql(
      `select e.decision, e.method, e.channel, e.wording from consent_events e
         join processing_purposes p on p.id = e.purpose_id join contacts c on c.id = e.contact_id
        where c.email = 'olof@bageriet.example.com' and p.key = 'newsletter' order by e.created_at desc limit 1`,
    );
    expect(latest).toEqual({
      decision: 'GRANTED',
      method: 'STAFF_ON_INSTRUCTION',
      channel: 'PHONE',
      wording: 'Ja, ni får ringa mig om erbjudanden.',
    });
  });
});
