// Issue 19 (M13) in Chromium: a customer finds "Mina fakturor" in the portal, on a phone (390 px),
// axe clean, and downloads an invoice: the file is the PDF of her own invoice.
import { readFile } from 'node:fs/promises';
import { queryAs } from '../../server/src/testing/database';
import { accessibilityViolations } from '../support/axe';
import { horizontalOverflow, screenshot } from '../support/browser';
import { menuItem, useDashboard } from '../support/dashboard';
import { pdfText } from '../support/pdf-text';

const CUSTOMER = 'anna@bageriet.example.com'; // Anna Ek of Bageriet Ek AB (prefers Swedish)

describe('invoices in Chromium', () => {
  const dash = useDashboard();
  const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
    queryAs<T>(dash.db.superuserUrl, text, params);

  it('M13: a customer downloads an invoice from the portal (390 px, axe clean)', async () => {
    const [invoice] = await sql(
      `select i.number, i.buyer_name from invoices i join customers c on c.id = i.customer_id
        where c.name = 'Bageriet Ek AB' and i.kind = 'INVOICE' order by i.number limit 1`,
    );
    expect(invoice).toBeDefined();
    const page = await dash.logIn(CUSTOMER);
    await menuItem(page, 'Mina fakturor').click();
    const link = page.getByRole('link', { name: `Ladda ner faktura ${invoice.number} (PDF)` });
    await link.waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload(); // on a phone from the start: the menu drawer closed
    const onPhone = page.getByRole('link', { name: `Ladda ner faktura ${invoice.number} (PDF)` });
    await onPhone.waitFor();
    const overflow = await horizontalOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'invoices-customer-phone');
    const [download] = await Promise.all([page.waitForEvent('download'), onPhone.click()]);
    expect(download.suggestedFilename()).toBe(`faktura-${invoice.number}.pdf`);
    const text = (await pdfText(await readFile((await download.path())!))).text;
    expect(text).toContain(`Fakturanummer: ${invoice.number}`);
    expect(text).toContain(invoice.buyer_name);
    expect(dash.pageErrors).toEqual([]);
  });
});
