// Issue 23's screens in Chromium, at a phone's width and axe-clean: staff export a list as CSV, record
// a request that came by phone (privacyRequestCreate) and read a completed request's outcome in words (issue 25 item 8); a customer answers a survey in the portal
// (surveyAnswer), a restricted customer is told why their answers are not collected; staff send a
// mailing and read who was sent and who was refused, and why.
import { readFile } from 'node:fs/promises';
import { queryAs } from '../../server/src/testing/database';
import { accessibilityViolations } from '../support/axe';
import { horizontalOverflow, screenshot } from '../support/browser';
import { menuItem, settle, useDashboard } from '../support/dashboard';

const ADMIN = 'admin@jj-media.example.com';
const EMPLOYEE = 'erik@jj-media.example.com';
const CUSTOMER = 'anna@bageriet.example.com';
const PHONE = { width: 390, height: 844 };

describe('issue 23 privacy screens', () => {
  const dash = useDashboard();
  const sql = (text: string, params: unknown[] = []) => queryAs(dash.db.superuserUrl, text, params);

  it('M23: staff record a request that came by phone, carry it out and read the outcome in words', async () => {
    const page = await dash.logIn(EMPLOYEE);
    await menuItem(page, 'Integritetsbegäranden').click();
    // The list exports as CSV (what the role reads, formula-safe cells).
    await page.getByRole('row').filter({ hasText: 'olof@bageriet.example.com' }).first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportera' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toContain('requesterEmail');
    expect(csv).toContain('olof@bageriet.example.com');
    expect(csv).not.toContain('__typename');
    await page.getByRole('link', { name: 'Registrera en begäran' }).click();
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('textbox', { name: 'E-postadress' }).fill('olof@bageriet.example.com');
    await page.getByRole('combobox', { name: 'Typ' }).click();
    await page.getByRole('option', { name: /Tillgång/ }).click();
    await page.getByRole('textbox', { name: 'Detaljer' }).fill('Ringde in, vill ha en kopia av sina uppgifter');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.waitForURL(/#\/privacyRequests\/[^/]+\/show/);
    const [created] = await sql(
      `select status, channel, details from privacy_requests where requester_email = 'olof@bageriet.example.com' and type = 'ACCESS' order by created_at desc limit 1`,
    );
    expect(created).toEqual({
      status: 'RECEIVED',
      channel: 'STAFF',
      details: 'Ringde in, vill ha en kopia av sina uppgifter',
    });

    await page.getByRole('button', { name: 'Identitet kontrollerad' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Identitet kontrollerad' }).click();
    await page.getByRole('button', { name: 'Genomför och avsluta' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Genomför och avsluta' }).click();
    const outcome = page.getByRole('region', { name: 'Utfall' });
    await outcome.getByText(/nedladdningslänken gäller till/).waitFor();
    await outcome
      .getByRole('table', { name: 'Exporterat, per källa' })
      .getByRole('cell', { name: 'Kontaktpersoner' })
      .waitFor();
    // "Försenad" always has a value: a plain "Nej" when the request is not overdue.
    await page.getByText('Nej', { exact: true }).waitFor();
    expect(await outcome.textContent()).not.toMatch(/[{}]|"sections"|T\d\d:\d\d:\d\d/);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'privacy-request-outcome-phone');
    expect(dash.pageErrors).toEqual([]);
  });

  it('M23: a customer answers a survey in the portal; once restricted, they are told why nothing is collected', async () => {
    const page = await dash.logIn(CUSTOMER);
    await menuItem(page, 'Enkäter').click();
    const [survey] = await sql(
      `select s.id, s.title_sv, s.questions from surveys s join tenants t on t.id = s.tenant_id where t.slug = 'jj-media' and s.active limit 1`,
    );
    await page
      .getByRole('row')
      .filter({ hasText: String(survey.title_sv) })
      .click();
    await page.getByRole('heading', { name: 'Dina svar' }).waitFor();
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('heading', { name: 'Dina svar' }).waitFor();
    const questions = survey.questions as {
      key: string;
      kind: string;
      labelSv: string;
      choices: { value: string; labelSv: string }[];
    }[];
    const first = questions[0];
    if (first.kind === 'CHOICE') await page.getByRole('radio', { name: first.choices[0].labelSv }).check();
    else await page.getByRole('textbox', { name: first.labelSv }).fill('Mycket bra service');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'survey-answer-phone');
    await page.getByRole('button', { name: 'Skicka svar' }).click();
    await page.getByText('Tack för dina svar!').waitFor();
    const answers = await sql(
      `select r.channel from survey_responses r join contacts c on c.id = r.contact_id where c.email = $1 and r.survey_id = $2`,
      [CUSTOMER, survey.id],
    );
    expect(answers).toContainEqual({ channel: 'PORTAL' });

    await sql(`update contacts set processing_restricted_at = now() where email = $1`, [CUSTOMER]);
    await page.reload();
    await page.getByRole('heading', { name: 'Dina svar' }).waitFor();
    if (first.kind === 'CHOICE') await page.getByRole('radio', { name: first.choices[0].labelSv }).check();
    else await page.getByRole('textbox', { name: first.labelSv }).fill('Igen');
    await page.getByRole('button', { name: 'Skicka svar' }).click();
    await page.getByText(/Behandlingen av dina uppgifter är begränsad på din begäran/).waitFor();
    const after = await sql(
      `select count(*)::int as n from survey_responses r join contacts c on c.id = r.contact_id where c.email = $1 and r.survey_id = $2`,
      [CUSTOMER, survey.id],
    );
    expect(after[0].n).toBe(answers.length);
    await sql(`update contacts set processing_restricted_at = null where email = $1`, [CUSTOMER]);
    expect(dash.pageErrors).toEqual([]);
  });

  it('M23: staff send a mailing; its page lists who was sent and who the marketing gate refused, and why', async () => {
    const candidates = await sql(
      `select distinct c.id, c.name from consent_events e join processing_purposes p on p.id = e.purpose_id
         join contacts c on c.id = e.contact_id join tenants t on t.id = e.tenant_id
        where t.slug = 'jj-media' and p.key = 'newsletter' and e.channel = 'EMAIL' and c.erased_at is null
        order by c.name`,
    );
    expect(candidates.length).toBeGreaterThan(0);
    const restricted = candidates[0];
    await sql(`update contacts set processing_restricted_at = now() where id = $1`, [restricted.id]);
    const page = await dash.logIn(EMPLOYEE);
    await menuItem(page, 'Utskick').click();
    await page.getByRole('link', { name: 'Nytt utskick' }).click();
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByText(/Varje mottagare passerar först marknadsföringsspärren/).waitFor();
    await page.getByRole('textbox', { name: 'Ämne (svenska)' }).fill('Nyheter i december');
    await page.getByRole('textbox', { name: 'Text (svenska)' }).fill('Vi har nya skötselpaket.');
    await page.getByRole('textbox', { name: 'Ämne (engelska)' }).fill('News in December');
    await page.getByRole('textbox', { name: 'Text (engelska)' }).fill('We have new care packages.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.waitForURL(/#\/marketingCampaigns\/[^/]+\/show/);
    const table = page.getByRole('table', { name: 'Mottagare' });
    await table
      .getByRole('row')
      .filter({ hasText: String(restricted.name) })
      .getByText('Skickades inte: begränsad behandling')
      .waitFor();
    const [campaign] = await sql(`select queued, refused from marketing_campaigns order by created_at desc limit 1`);
    expect(await table.getByRole('row').count()).toBe(1 + Number(campaign.queued) + Number(campaign.refused));
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'marketing-campaign-phone');
    await sql(`update contacts set processing_restricted_at = null where id = $1`, [restricted.id]);
    expect(dash.pageErrors).toEqual([]);
  });

  it("M23: an admin changes a purpose's retention period on its edit view and sees it saved", async () => {
    const page = await dash.logIn(ADMIN);
    await menuItem(page, 'Ändamål').click();
    await page.getByRole('row').filter({ hasText: 'Kundundersökningar' }).waitFor();
    await settle(page);
    await page.getByRole('row').filter({ hasText: 'Kundundersökningar' }).click();
    await page.getByRole('spinbutton', { name: 'Sparas (dagar)' }).waitFor();
    expect(page.url()).toMatch(/#\/processingPurposes\/[^/]+$/);
    await page.setViewportSize(PHONE);
    await page.reload();
    const days = page.getByRole('spinbutton', { name: 'Sparas (dagar)' });
    await days.fill('400');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.waitForURL(/#\/processingPurposes$/);
    // On the phone the register is stacked rows: the purpose's row says its new period.
    await page
      .getByRole('link')
      .filter({ hasText: 'Kundundersökningar' })
      .filter({ hasText: 'Sparas (dagar): 400' })
      .waitFor();
    const [saved] = await sql(
      `select p.retention_days from processing_purposes p join tenants t on t.id = p.tenant_id
        where t.slug = 'jj-media' and p.key = 'surveys'`,
    );
    expect(saved).toEqual({ retention_days: 400 });
    expect(dash.pageErrors).toEqual([]);
  });

  it('M23: an employee reads the purposes but cannot edit them', async () => {
    const page = await dash.logIn(EMPLOYEE);
    await menuItem(page, 'Ändamål').click();
    await page.getByRole('row').filter({ hasText: 'Kundundersökningar' }).waitFor();
    await settle(page);
    await page.getByRole('row').filter({ hasText: 'Kundundersökningar' }).click();
    await settle(page);
    expect(page.url()).toMatch(/#\/processingPurposes$/);
    expect(await page.getByRole('spinbutton', { name: 'Sparas (dagar)' }).count()).toBe(0);
    expect(dash.pageErrors).toEqual([]);
  });

  it('M23, M19: the purposes register is not a customer screen: no menu entry, and its address is not allowed', async () => {
    const page = await dash.logIn(CUSTOMER);
    await settle(page);
    expect(await menuItem(page, 'Ändamål').count()).toBe(0);
    await page.goto(`${dash.app.url}/#/processingPurposes`);
    await page.getByRole('heading', { level: 1, name: 'Åtkomst nekad' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Kundundersökningar' }).count()).toBe(0);
    expect(dash.pageErrors).toEqual([]);
  });
});
