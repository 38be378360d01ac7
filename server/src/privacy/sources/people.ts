// Contacts (P3, P8), customers whose only contact is the person, and logins (never secrets).
import type { PersonalDataSource } from '../personal-data';
import { scrubMentions } from './scrub';
import { affected, ids, rows } from './util';

export const contactsSource: PersonalDataSource = {
  name: 'contacts',
  description: {
    sv: 'Dina kontaktuppgifter hos oss: namn, e-post, telefon, postnummer, land, språk, kopplade sociala identiteter och integritetsval.',
    en: 'Your contact details with us: name, e-mail, phone, postal code, country, language, linked social identities and privacy choices.',
  },
  export: (ctx, s) =>
    rows(
      ctx,
      `select c.id, cu.name as "customer", c.name, c.email, c.phone, c.postal_code as "postalCode", c.country,
              c.preferred_language as "preferredLanguage", c.social_identities as "socialIdentities", c.notes,
              c.processing_restricted_at as "processingRestrictedAt", c.marketing_objected_at as "marketingObjectedAt",
              c.age_confirmed as "ageConfirmed", c.minor_status as "minorStatus", c.parental_consent as "parentalConsent",
              c.created_at as "createdAt", c.updated_at as "updatedAt"
         from contacts c join customers cu on cu.id = c.customer_id
        where c.tenant_id = ? and c.id = any(?::uuid[]) order by c.created_at`,
      [s.tenantId, ids(s.contactIds)],
    ),
  async erase(ctx, s) {
    // The row stays (orders and tickets of a company point at it) with every personal field replaced.
    const anonymised = await affected(
      ctx,
      `update contacts set name = 'Erased person', email = 'erased-' || id || '@erased.invalid', phone = null,
              postal_code = null, country = null, social_identities = '[]', notes = null, parental_consent = null,
              age_confirmed = null, minor_erasure_due_at = null, erased_at = now(), updated_at = now()
        where tenant_id = ? and id = any(?::uuid[])`,
      [s.tenantId, ids(s.contactIds)],
    );
    const mentioned = await scrubMentions(ctx, s, 'contacts', [{ name: 'notes' }]);
    return { deleted: 0, anonymised: anonymised + mentioned };
  },
};

export const customersSource: PersonalDataSource = {
  name: 'customers',
  description: {
    sv: 'Kundposter där du är den enda kontaktpersonen (t.ex. enskild firma).',
    en: 'Customer records where you are the only contact (e.g. a sole trader).',
  },
  export: (ctx, s) =>
    rows(
      ctx,
      `select id, name, organisation_number as "organisationNumber", billing_country as "billingCountry", notes,
              created_at as "createdAt"
         from customers where tenant_id = ? and id = any(?::uuid[]) order by created_at`,
      [s.tenantId, ids(s.soleCustomerIds)],
    ),
  async erase(ctx, s) {
    // Kept (orders point at it for the books) with nothing that names anyone.
    const anonymised = await affected(
      ctx,
      `update customers set name = 'Erased customer', organisation_number = null, notes = null, updated_at = now()
        where tenant_id = ? and id = any(?::uuid[])`,
      [s.tenantId, ids(s.soleCustomerIds)],
    );
    const mentioned = await scrubMentions(ctx, s, 'customers', [{ name: 'name' }, { name: 'notes' }]);
    return { deleted: 0, anonymised: anonymised + mentioned };
  },
};

export const usersSource: PersonalDataSource = {
  name: 'logins',
  description: {
    sv: 'Dina inloggningar: e-post, namn, roll, status, språk och senaste inloggning (aldrig lösenord eller sessioner).',
    en: 'Your logins: e-mail, name, role, status, language and last login (never passwords or sessions).',
  },
  export: (ctx, s) =>
    rows(
      ctx,
      `select id, email, name, role, status, preferred_language as "preferredLanguage", last_login_at as "lastLoginAt",
              created_at as "createdAt"
         from users where tenant_id = ? and id = any(?::uuid[]) order by created_at`,
      [s.tenantId, ids(s.userIds)],
    ),
  async erase(ctx, s) {
    // Sessions, tokens and passkeys go with the login (cascade); references elsewhere become null.
    const deleted = await affected(ctx, `delete from users where tenant_id = ? and id = any(?::uuid[])`, [
      s.tenantId,
      ids(s.userIds),
    ]);
    return { deleted, anonymised: 0 };
  },
};
