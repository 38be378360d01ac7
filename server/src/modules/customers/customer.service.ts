// Customers and their contacts. Staff manage them; contractors and customers read within their scope.
import { readList } from '../../graphql/sql/reads';
import { asSupportedLanguage } from '@sitecare/schema';
import { escapeLike } from '../../db/like';
import type { RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import type { Page, PageInput } from '../../graphql/pagination';
import { inTransaction } from '../../graphql/transaction';
import { normalisePhone, PHONE_RULE } from '../../graphql/validators';
import { redactForStorage } from '../../privacy/redaction';
import { audit } from '../audit/audit.service';
import { sendInvitation } from '../auth/auth.service';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { Contact } from './contact.entity';
import { BuyerType, normaliseVatNumber } from '../invoices/vat';
import { Customer } from './customer.entity';
import { assertMayProcess } from './processing.guard';
import type {
  ContactFilter,
  ContactInput,
  ContactSort,
  CustomerFilter,
  CustomerInput,
  CustomerSort,
  CustomerUpdateInput,
} from './customer.inputs';

/** Free text is stored only after card numbers and IBANs are masked (P4, P31). */
const clean = (text: string | null | undefined) => (text ? redactForStorage(text).text : (text ?? null));

export async function listCustomers(
  ctx: RequestContext,
  filter: CustomerFilter = {},
  sort: CustomerSort,
  page: PageInput,
): Promise<Page<Customer>> {
  return readList(ctx, 'Query.customers', { filter: { ...filter }, sort, page });
}

/** The agency's contacts across customers (staff: pickers for disclosures and consents). */
export async function listContacts(
  ctx: RequestContext,
  filter: ContactFilter = {},
  sort: ContactSort,
  page: PageInput,
): Promise<Page<Contact>> {
  return readList(ctx, 'Query.contacts', { filter: { ...filter }, sort, page });
}

/** Out of scope answers exactly like absent (and so does another tenant's id). */
export async function getCustomer(ctx: RequestContext, id: string): Promise<Customer> {
  const customer = await ctx.em.findOne(Customer, { id });
  if (!customer) throw notFound('Customer');
  return customer;
}

export function createCustomer(ctx: RequestContext, input: CustomerInput): Promise<Customer> {
  return inTransaction(ctx, async () => {
    const customer = ctx.em.create(Customer, {
      tenant: ctx.em.getReference(Tenant, ctx.tenantId!),
      name: input.name.trim(),
      organisationNumber: input.organisationNumber?.trim() || null,
      billingCountry: input.billingCountry.toUpperCase(),
      notes: clean(input.notes),
      buyerType: input.buyerType ?? BuyerType.COMPANY,
      vatNumber: normaliseVatNumber(input.vatNumber, 'vatNumber'),
      addressLine1: input.addressLine1?.trim() || null,
      postalCode: input.postalCode?.trim() || null,
      city: input.city?.trim() || null,
    });
    await ctx.em.flush();
    await audit(ctx, { action: 'customer.create', entityType: 'Customer', entityId: customer.id });
    return customer;
  });
}

export function updateCustomer(ctx: RequestContext, id: string, input: CustomerUpdateInput): Promise<Customer> {
  return inTransaction(ctx, async () => {
    const customer = await getCustomer(ctx, id);
    if (input.name !== undefined) customer.name = input.name.trim();
    if (input.organisationNumber !== undefined) customer.organisationNumber = input.organisationNumber?.trim() || null;
    if (input.billingCountry !== undefined) customer.billingCountry = input.billingCountry.toUpperCase();
    if (input.notes !== undefined) customer.notes = clean(input.notes);
    if (input.buyerType != null) customer.buyerType = input.buyerType;
    if (input.vatNumber !== undefined) customer.vatNumber = normaliseVatNumber(input.vatNumber, 'vatNumber');
    if (input.addressLine1 !== undefined) customer.addressLine1 = input.addressLine1?.trim() || null;
    if (input.postalCode !== undefined) customer.postalCode = input.postalCode?.trim() || null;
    if (input.city !== undefined) customer.city = input.city?.trim() || null;
    await ctx.em.flush();
    await audit(ctx, {
      action: 'customer.update',
      entityType: 'Customer',
      entityId: id,
      detail: { fields: Object.keys(input) },
    });
    return customer;
  });
}

export function deleteCustomer(ctx: RequestContext, id: string): Promise<boolean> {
  return inTransaction(ctx, async () => {
    const customer = await getCustomer(ctx, id);
    ctx.em.remove(customer);
    await ctx.em.flush();
    await audit(ctx, { action: 'customer.delete', entityType: 'Customer', entityId: id });
    return true;
  });
}

/**
 * Issue 25: a contact's phone as stored (E.164), from any common form. A national number is read for
 * the contact's country (the one given, else the one stored), else the agency's; empty clears it.
 */
export async function contactPhone(
  ctx: RequestContext,
  value: string | null | undefined,
  country: string | null | undefined,
): Promise<string | null> {
  if (!value?.trim()) return null;
  const phone = normalisePhone(value, country || (await ctx.em.findOneOrFail(Tenant, ctx.tenantId!)).country);
  if (!phone) throw badInput('phone', `Invalid phone: ${PHONE_RULE}`);
  return phone;
}

export async function contactFields(ctx: RequestContext, input: ContactInput, stored?: Contact) {
  const phone = await contactPhone(ctx, input.phone, input.country ?? stored?.country);
  return {
    name: input.name.trim(),
    email: input.email.trim(),
    phone,
    postalCode: input.postalCode?.trim() || null,
    country: input.country?.toUpperCase() ?? null,
    preferredLanguage: input.preferredLanguage ?? 'sv',
    socialIdentities: (input.socialIdentities ?? []).map(({ provider, externalId }) => ({
      provider: provider.trim().toLowerCase(),
      externalId: externalId.trim(),
    })),
    notes: clean(input.notes),
  };
}

export function createContact(ctx: RequestContext, customerId: string, input: ContactInput): Promise<Contact> {
  return inTransaction(ctx, async () => {
    const customer = await getCustomer(ctx, customerId);
    const contact = ctx.em.create(Contact, { tenant: customer.tenant, customer, ...(await contactFields(ctx, input)) });
    await ctx.em.flush();
    await audit(ctx, { action: 'contact.create', entityType: 'Contact', entityId: contact.id });
    return contact;
  });
}

export async function getContact(ctx: RequestContext, id: string): Promise<Contact> {
  const contact = await ctx.em.findOne(Contact, { id });
  if (!contact) throw notFound('Contact');
  return contact;
}

/**
 * A contact's record opened on its own (Query.contact): when staff open it, that is an access to the
 * person's data (issue 20), audited as `contact.view`: their privacy export shows who and when.
 */
export async function openContact(ctx: RequestContext, id: string): Promise<Contact> {
  const contact = await getContact(ctx, id);
  if (ctx.viewer && ctx.viewer.role !== 'CUSTOMER') {
    await inTransaction(ctx, () => audit(ctx, { action: 'contact.view', entityType: 'Contact', entityId: id }));
  }
  return contact;
}

export function updateContact(ctx: RequestContext, id: string, input: ContactInput): Promise<Contact> {
  return inTransaction(ctx, async () => {
    const contact = await getContact(ctx, id);
    Object.assign(contact, await contactFields(ctx, input, contact));
    await ctx.em.flush();
    await audit(ctx, { action: 'contact.update', entityType: 'Contact', entityId: id });
    return contact;
  });
}

/**
 * Moves a contact to another customer of the agency (issue 23): refused with the typed error while
 * the person's processing is restricted (the one guard); audited with both customers.
 */
export function moveContact(ctx: RequestContext, id: string, customerId: string): Promise<Contact> {
  return inTransaction(ctx, async () => {
    const contact = await getContact(ctx, id);
    const customer = await getCustomer(ctx, customerId);
    if (contact.customer.id === customer.id) return contact;
    await assertMayProcess(ctx, { contactIds: [contact.id] }, { purpose: 'service_delivery' }, 'id');
    const from = contact.customer.id;
    contact.customer = customer;
    await ctx.em.flush();
    await audit(ctx, {
      action: 'contact.move',
      entityType: 'Contact',
      entityId: id,
      detail: { fromCustomerId: from, toCustomerId: customer.id },
    });
    return contact;
  });
}

/** Gives a contact a CUSTOMER login to the portal: an invited user linked to the contact, and the e-mail. */
export function inviteContactToPortal(ctx: RequestContext, id: string): Promise<User> {
  return inTransaction(ctx, async () => {
    const contact = await getContact(ctx, id);
    if (await ctx.em.count(User, { email: { $ilike: escapeLike(contact.email) } })) {
      throw badInput('id', 'Someone in your agency already logs in with this e-mail');
    }
    const user = ctx.em.create(User, {
      tenant: contact.tenant,
      email: contact.email,
      name: contact.name,
      role: 'CUSTOMER',
      preferredLanguage: asSupportedLanguage(contact.preferredLanguage),
      contact,
    });
    await ctx.em.flush();
    await ctx.em.populate(user, ['tenant']);
    await sendInvitation(ctx, user);
    await audit(ctx, {
      action: 'contact.portal_invite',
      entityType: 'Contact',
      entityId: contact.id,
      detail: { userId: user.id },
    });
    return user;
  });
}

export function deleteContact(ctx: RequestContext, id: string): Promise<boolean> {
  return inTransaction(ctx, async () => {
    ctx.em.remove(await getContact(ctx, id));
    await ctx.em.flush();
    await audit(ctx, { action: 'contact.delete', entityType: 'Contact', entityId: id });
    return true;
  });
}
