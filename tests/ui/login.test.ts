// Logging in, per role, through the dashboard in Chromium: what the menu offers, that the API's
// permission matrix also guards the pages, logout, language, and an admin's invitation from the
// Users page to Sent mail (and the invited person's first login).
import { queryAs } from '../../server/src/testing/database';
import { screenshot } from '../support/browser';
import { menuItem, settle, useDashboard } from '../support/dashboard';

// JJ Media's demo people. All prefer Swedish except Sara, so after login the UI speaks Swedish to them.
const ADMIN = 'admin@jj-media.example.com';
const EMPLOYEE = 'erik@jj-media.example.com';
const ENGLISH_EMPLOYEE = 'sara@jj-media.example.com';
const CONTRACTOR = 'kontraktor@freelance.example.com';
const CUSTOMER = 'anna@bageriet.example.com';

const MENU = { users: 'Användare', auditLog: 'Granskningslogg', sentMail: 'Skickad e-post' };

describe('login and role-based dashboard in Chromium', () => {
  const dash = useDashboard();

  const roles = [
    { role: 'ADMIN', email: ADMIN, shown: [MENU.users, MENU.auditLog, MENU.sentMail], hidden: [] },
    { role: 'EMPLOYEE', email: EMPLOYEE, shown: [MENU.users], hidden: [MENU.auditLog, MENU.sentMail] },
    { role: 'CONTRACTOR', email: CONTRACTOR, shown: [], hidden: [MENU.users, MENU.auditLog, MENU.sentMail] },
    // M19: the system status is not a customer's (issue 25).
    {
      role: 'CUSTOMER',
      email: CUSTOMER,
      shown: [],
      hidden: [MENU.users, MENU.auditLog, MENU.sentMail, 'Systemstatus'],
    },
  ];

  it.each(roles)(
    'shows $role only the menu entries the permission matrix allows',
    async ({ role, email, shown, hidden }) => {
      const page = await dash.logIn(email);
      // The person prefers Swedish and chose no language in this browser: the UI follows them.
      await menuItem(page, 'Översikt').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('sv');
      for (const name of shown) await menuItem(page, name).waitFor();
      await settle(page);
      for (const name of hidden) expect(await menuItem(page, name).count()).toBe(0);
      if (role !== 'CUSTOMER') await menuItem(page, 'Systemstatus').waitFor();
      await screenshot(page, `login-menu-${role.toLowerCase()}`);
    },
    60_000,
  );

  it('groups the menu by what the work is about, and gives customers their own groups', async () => {
    const headings = async (email: string) => {
      const page = await dash.logIn(email);
      await menuItem(page, 'Översikt').waitFor();
      await settle(page);
      const text = await page.getByRole('menu').first().innerText();
      return text.split('\n').filter((line) => line.trim() && line === line.toUpperCase() && /[A-ZÅÄÖ]/.test(line));
    };
    expect(await headings(ADMIN)).toEqual(['KUNDER OCH ARBETE', 'FÖRSÄLJNING', 'INTEGRITET', 'ADMINISTRATION']);
    expect(await headings(CONTRACTOR)).toEqual(['KUNDER OCH ARBETE']);
    expect(await headings(CUSTOMER)).toEqual(['MINA TJÄNSTER', 'INTEGRITET']);
  });

  it('keeps a contractor who types #/users out of the user list', async () => {
    const page = await dash.logIn(CONTRACTOR);
    await page.goto(`${dash.app.url}/#/users`);
    await page.getByText('Åtkomst nekad').waitFor();
    expect(page.url()).toContain('#/access-denied');
    await settle(page);
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByText(ADMIN).count()).toBe(0);
    await screenshot(page, 'login-contractor-users-denied');
  });

  it('shows an employee the user list without the admin-only actions', async () => {
    const page = await dash.logIn(EMPLOYEE);
    await menuItem(page, MENU.users).click();
    await page.getByRole('cell', { name: ADMIN }).waitFor();
    await settle(page);
    expect(await page.getByRole('link', { name: 'Bjud in' }).count()).toBe(0);
    await screenshot(page, 'login-employee-users');
  });

  it('says so when the password is wrong, and stays on the login page', async () => {
    const page = await dash.loginPage();
    await dash.submitLogin(page, EMPLOYEE, 'not-the-password');
    await page.getByRole('alert').filter({ hasText: 'Wrong e-mail address or password.' }).waitFor();
    expect(page.url()).toMatch(/#\/login$/);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await screenshot(page, 'login-wrong-password');
  });

  it('returns to the login page on logout, and the pages stay closed after it', async () => {
    const page = await dash.logIn(ADMIN);
    await page.getByText('Johanna Jönsson').waitFor();
    await page.getByRole('button', { name: 'Profil' }).click(); // the user menu
    await page.getByRole('menuitem', { name: 'Logga ut' }).click();
    await page.getByRole('button', { name: 'Logga in', exact: true }).waitFor();
    expect(page.url()).toMatch(/#\/login$/);
    await page.goto(`${dash.app.url}/#/users`);
    await page.getByRole('button', { name: 'Logga in', exact: true }).waitFor();
    expect(page.url()).toMatch(/#\/login$/);
    await screenshot(page, 'login-after-logout');
  });

  it('switches the UI to Swedish from the language menu', async () => {
    const page = await dash.logIn(ENGLISH_EMPLOYEE);
    await menuItem(page, 'Users').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Svenska' }).click();
    await menuItem(page, MENU.users).waitFor();
    await menuItem(page, 'Översikt').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await screenshot(page, 'login-language-sv');
  });

  it('keeps the language chosen on the login page over the preferred one', async () => {
    const page = await dash.loginPage();
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('button', { name: 'Logga in', exact: true }).waitFor();
    await dash.submitLogin(page, ENGLISH_EMPLOYEE); // prefers English
    await menuItem(page, MENU.users).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await screenshot(page, 'login-chosen-language');
  });

  it('answers a forgotten password neutrally; the reset link sets a new password and logs in', async () => {
    const confirmation = 'If there is an account for that address, a link to choose a new password is on its way.';
    const page = await dash.loginPage();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    for (const email of ['nobody@example.com', ENGLISH_EMPLOYEE]) {
      await page.goto(`${dash.app.url}/#/forgot-password`);
      await page.reload(); // the form again, not the last confirmation
      await page.getByRole('textbox', { name: /^E-mail address/ }).fill(email);
      await page.getByRole('button', { name: 'Send link' }).click();
      await page.getByRole('status').filter({ hasText: confirmation }).waitFor();
    }
    await screenshot(page, 'login-forgot-password');

    const [mail] = await queryAs<{ payload: { link: string } }>(
      dash.db.superuserUrl,
      `select payload from outbox_messages where recipient = $1 and template = 'user.password_reset'`,
      [ENGLISH_EMPLOYEE],
    );
    // Same page, no reload: the admin's routes saw "logged out" before, and must not log the new session out.
    await page.goto(mail.payload.link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    const password = 'sara-chose-a-new-passphrase';
    await page.getByRole('textbox', { name: /^New password/ }).fill(password);
    await page.getByRole('textbox', { name: /^Repeat the new password/ }).fill(password);
    await page.getByRole('button', { name: 'Save password' }).click();
    await menuItem(page, 'Users').waitFor();
    await settle(page);
    expect(page.url()).toMatch(/#\/$/);

    // The link works once.
    await page.goto(mail.payload.link);
    await page.getByRole('textbox', { name: /^New password/ }).fill(password);
    await page.getByRole('textbox', { name: /^Repeat the new password/ }).fill(password);
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByRole('alert').filter({ hasText: 'This link is invalid or has expired.' }).waitFor();
    await screenshot(page, 'login-password-reset-used-link');
  });

  it('lets an admin invite a user from the Users page; the invitation shows in Sent mail', async () => {
    const page = await dash.logIn(ADMIN);
    await menuItem(page, MENU.users).click();
    await page.getByRole('link', { name: 'Bjud in' }).click();
    const emailInput = page.getByRole('textbox', { name: 'E-postadress' });
    const nameInput = page.getByRole('textbox', { name: 'Namn' });

    // The API refuses an address already in the agency: its message shows under the e-mail field.
    await emailInput.fill(EMPLOYEE);
    await nameInput.fill('Erik Again');
    await page.getByRole('button', { name: 'Skicka inbjudan' }).click();
    await page.getByText('A user with this e-mail already exists in your agency').waitFor();
    expect(await emailInput.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'login-invite-duplicate');

    const invitee = 'ny.medarbetare@jj-media.example.com';
    await emailInput.fill(invitee);
    await nameInput.fill('Nora Nyberg');
    await page.getByRole('button', { name: 'Skicka inbjudan' }).click();
    await page.getByText(`Inbjudan till ${invitee} står i kö`).waitFor(); // no SMTP_URL: it waits in the outbox
    await page.getByRole('cell', { name: invitee }).waitFor();

    await menuItem(page, MENU.sentMail).click();
    const row = page.getByRole('row').filter({ hasText: invitee });
    await row.getByText('Du är inbjuden till JJ Media (demo) i Sitecare').waitFor();
    await row.click(); // opens the message's contents
    const link = page.locator('dd').filter({ hasText: '/#/invitation/' });
    await link.waitFor();
    await screenshot(page, 'login-invite-sent-mail');

    // The invited person follows the link, chooses a password and is logged in as an employee.
    const invitation = await dash.browser.newPage({ locale: 'en-GB' });
    invitation.on('pageerror', (error) => dash.pageErrors.push(error.message));
    await invitation.goto((await link.innerText()).trim());
    await invitation.getByRole('heading', { name: 'Welcome to Sitecare' }).waitFor();
    await invitation.getByRole('textbox', { name: /^New password/ }).fill('too-short');
    await invitation.getByRole('textbox', { name: /^Repeat the new password/ }).fill('too-short');
    await invitation.getByRole('button', { name: 'Activate account' }).click();
    await invitation.getByText('Must be 12 characters at least').waitFor();
    const password = 'a-long-enough-passphrase';
    await invitation.getByRole('textbox', { name: /^New password/ }).fill(password);
    await invitation.getByRole('textbox', { name: /^Repeat the new password/ }).fill(password);
    await invitation.getByRole('button', { name: 'Activate account' }).click();
    await menuItem(invitation, MENU.users).waitFor(); // the agency's language (Swedish), employee rights
    await invitation.getByRole('button', { name: 'Profil' }).getByText('Nora Nyberg').waitFor();
    await screenshot(invitation, 'login-invitation-accepted');
  });
});
