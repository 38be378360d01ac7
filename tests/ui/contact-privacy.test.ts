// A contact's privacy state on the customer page in Chromium (issue 23): a restricted person is
// marked on the row and in a banner; staff flag a suspected minor (the erasure date shows), record
// a parent's consent, and invite a contact to the portal. At a phone's width, axe-clean.
import { queryAs } from '../../server/src/testing/database';
import { accessibilityViolations } from '../support/axe';
import { horizontalOverflow, screenshot, searchList } from '../support/browser';
import { menuItem, useDashboard } from '../support/dashboard';

const EMPLOYEE = 'erik@jj-media.example.com';

describe("a contact's privacy on the customer page", () => {
  const dash = useDashboard();
  const sql = (text: string, params: unknown[] = []) => queryAs(dash.db.superuserUrl, text, params);

  it('M23: a restricted contact is marked with a banner; staff flag a minor, record a parent, invite to the portal', async () => {
    await sql(`update contacts set processing_restricted_at = now() where email = 'olof@bageriet.example.com'`);
    const page = await dash.logIn(EMPLOYEE);
    await menuItem(page, 'Kunder').click();
    await searchList(page, 'Sök namn eller organisationsnummer', 'bageriet');
    await page.getByRole('cell', { name: 'Bageriet Ek AB' }).click();
    await page.getByRole('heading', { name: 'Kontaktpersoner' }).waitFor();
    // The rest on a phone (loaded at that width, so the menu drawer starts closed).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { name: 'Kontaktpersoner' }).waitFor();

    await page.getByRole('alert').filter({ hasText: 'Behandlingen av Olof Ek är begränsad' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Olof Ek' }).getByText('Begränsad behandling').waitFor();

    // A suspected minor: flagged with a deadline that shows on the row.
    const sigrid = 'sigrid.ui@bageriet.example.com';
    const [bageriet] = await sql(`select id, tenant_id from customers where name = 'Bageriet Ek AB'`);
    await sql(
      `insert into contacts (id, tenant_id, customer_id, name, email, preferred_language, social_identities, created_at, updated_at)
       values (gen_random_uuid(), $1, $2, 'Sigrid Ung', $3, 'sv', '[]', now(), now())`,
      [bageriet.tenant_id, bageriet.id, sigrid],
    );
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: 'Sigrid Ung' });
    await row.getByRole('button', { name: 'Markera Sigrid Ung som misstänkt minderårig' }).click();
    const flag = page.getByRole('dialog');
    await flag.getByRole('spinbutton', { name: 'Dagar till radering' }).fill('10');
    await flag.getByRole('button', { name: 'Markera' }).click();
    await row.getByText(/Misstänkt minderårig: raderas/).waitFor();
    const [flagged] = await sql(
      `select minor_status, (minor_erasure_due_at - now()) > interval '9 days' and (minor_erasure_due_at - now()) <= interval '10 days' as ten
         from contacts where email = $1`,
      [sigrid],
    );
    expect(flagged).toEqual({ minor_status: 'SUSPECTED', ten: true });
    // No sideways scrolling of the page: the contacts table scrolls inside its own box.
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'contact-privacy-minor-phone');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A parent's consent: a bad address is refused under its input; then recorded, the erasure cancelled.
    await row.getByRole('button', { name: 'Registrera vårdnadshavares samtycke för Sigrid Ung' }).click();
    const parent = page.getByRole('dialog');
    await parent.getByRole('textbox', { name: 'Vårdnadshavarens namn' }).fill('Karin Ung');
    await parent.getByRole('textbox', { name: 'Vårdnadshavarens e-post' }).fill('karin.ung@example.com');
    await parent.getByRole('textbox', { name: 'Hur det kontrollerades' }).fill('Undertecknat formulär');
    await parent.getByRole('button', { name: 'Spara' }).click();
    await row.getByText('Vårdnadshavares samtycke').waitFor();
    const [consented] = await sql(`select minor_status, minor_erasure_due_at from contacts where email = $1`, [sigrid]);
    expect(consented).toEqual({ minor_status: 'PARENTAL_CONSENT', minor_erasure_due_at: null });

    // A portal invitation for the contact: a CUSTOMER login appears for the address.
    await row.getByRole('button', { name: 'Bjud in Sigrid Ung till portalen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Skicka inbjudan' }).click();
    // M19: without a mail server the invitation is queued, and says so (issue 25 item 10's notice).
    await page
      .getByRole('alert')
      .filter({ hasText: `Inbjudan till ${sigrid} står i kö` })
      .waitFor();
    const logins = await sql(`select role from users where email = $1`, [sigrid]);
    expect(logins).toEqual([{ role: 'CUSTOMER' }]);
    expect(dash.pageErrors).toEqual([]);
  });

  it("M23: staff see which of a contact's data is held under which legal basis, until when", async () => {
    const page = await dash.logIn(EMPLOYEE);
    await menuItem(page, 'Kunder').click();
    await searchList(page, 'Sök namn eller organisationsnummer', 'bageriet');
    await page.getByRole('cell', { name: 'Bageriet Ek AB' }).click();
    await page.getByRole('heading', { name: 'Kontaktpersoner' }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: 'Anna Ek' });
    await row.getByRole('button', { name: 'Rättsliga grunder för Anna Ek' }).click();
    const dialog = page.getByRole('dialog', { name: 'Anna Ek: uppgifter vi har och varför' });
    // The dates are the server's: the contract's end by its one rule, the accounting hold by the law's.
    const [{ ends_at: ends }] = (await sql(
      `select e.ends_at from sitecare_contract_ends((select id from customers where name = 'Bageriet Ek AB')) e`,
    )) as { ends_at: Date | null }[];
    await dialog.getByText('Avtal: supportärenden, inloggningsuppgifter till webbplatsen').waitFor();
    await dialog
      .getByText(
        ends
          ? `Sparas till ${new Date(ends).toLocaleDateString('sv-SE')}; rensas sedan`
          : 'Så länge avtalet löper (en prenumeration är aktiv)',
        { exact: false },
      )
      .waitFor();
    await dialog.getByText('Rättslig förpliktelse: ordrar, fakturor, kreditnotor, betalningar').waitFor();
    await dialog.getByText(/Sparas till .* \(bokföringslagen: sju år efter räkenskapsåret\)/).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Stäng' }).click();
    expect(dash.pageErrors).toEqual([]);
  });
});
