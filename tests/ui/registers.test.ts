// The records the law asks for in Chromium (P19, P23, S26, P11, P5), in Swedish: an admin reads the
// processor register and downloads it as CSV, records a breach and sees its deadline state, lists
// disclosures; the employee's home page lists the breach awaiting notification; staff read the
// survey answers and the visit log.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { menuItem, useDashboard } from '../support/dashboard';

const ADMIN = 'admin@jj-media.example.com';
const EMPLOYEE = 'erik@jj-media.example.com';

describe('the privacy registers in Chromium', () => {
  const dash = useDashboard();
  const row = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

  it('P19, P24: the admin reads the register with countries and mechanisms, and downloads it as CSV', async () => {
    const page = await dash.logIn(ADMIN);
    await menuItem(page, 'Personuppgiftsbiträden').click();
    await row(page, 'Zendesk, Inc.').getByText('EU–US Data Privacy Framework').waitFor();
    await row(page, 'Google LLC (Google Analytics 4)').getByText('Standardavtalsklausuler').waitFor();
    await row(page, 'Stripe Payments Europe, Ltd.').getByText('Irland').waitFor();
    await screenshot(page, 'registers-processors');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner CSV' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toBe(
      'name,purpose,dataCategories,country,transferMechanism,contractDate,contact,url,notes',
    );
    expect(csv).toContain('"Zendesk, Inc."');
  });

  it('S26: the admin records an unreported breach and sees it overdue; the employee home page lists it', async () => {
    const page = await dash.logIn(ADMIN);
    await menuItem(page, 'Personuppgiftsincidenter').click();
    await row(page, 'A customer list was e-mailed').getByText('Anmäld').waitFor();
    await page.getByRole('link', { name: 'Skapa' }).click();
    const aware = new Date(Date.now() - 4 * 24 * 3600_000);
    const local = new Date(aware.getTime() - aware.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Upptäckt').fill(local);
    await page.getByLabel('Beskrivning').fill('Fel mottagare av en faktura-export');
    await page.getByLabel('Kategorier av uppgifter').fill('Namn och adresser');
    await page.getByLabel('Berörda personer (ungefär)').fill('12');
    await page.getByLabel('Sannolika konsekvenser').fill('Obehörig fick adresser');
    await page.getByLabel('Åtgärder').fill('Mottagaren har raderat filen');
    await page.getByRole('button', { name: 'Spara' }).click();
    await row(page, 'Fel mottagare av en faktura-export').getByText('Försenad').waitFor();
    await screenshot(page, 'registers-breaches');

    await menuItem(page, 'Utlämnanden').click();
    await row(page, 'Polismyndigheten').waitFor();
    // P30: a new disclosure names the person it concerns, picked by name among the contacts.
    await page.getByRole('link', { name: 'Skapa' }).click();
    await page.getByLabel('Mottagare').fill('Skatteverket');
    await page.getByLabel('Vad som lämnades ut').fill('Kontaktuppgifter');
    await page.getByLabel('Rättslig grund').fill('Föreläggande enligt skatteförfarandelagen');
    await page.getByRole('combobox', { name: 'Gäller (en kontakt, om någon)' }).fill('olof');
    await page.getByRole('option', { name: 'Olof Ek <olof@bageriet.example.com>' }).click();
    await page.getByRole('button', { name: 'Spara' }).click();
    await row(page, 'Skatteverket').getByText('Olof Ek').waitFor();

    const staff = await dash.logIn(EMPLOYEE);
    const card = staff.getByRole('region', { name: 'Incidenter att anmäla', exact: true });
    await card.getByRole('link', { name: 'Fel mottagare av en faktura-export' }).waitFor();
    await card.getByText('Försenad').waitFor();
  });

  it('P5, P11: staff read a survey with its answers, and the visit log with parsed browsers', async () => {
    const page = await dash.logIn(EMPLOYEE);
    await menuItem(page, 'Enkäter').click();
    await page.getByRole('cell', { name: 'Hur nöjd är du med oss?' }).click();
    await page.getByText('Snabbare svar på helger.').waitFor();
    await page.getByText('Mycket nöjd').waitFor();
    await screenshot(page, 'registers-survey');
    await menuItem(page, 'Besök').click();
    await row(page, '/priser').getByText('Mobile Safari').waitFor();
    // An employee cannot see the disclosure log (admins only).
    expect(await menuItem(page, 'Utlämnanden').count()).toBe(0);
  });
});
