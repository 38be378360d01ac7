import { randomBytes } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { ArrayType, Check, Entity, Enum, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { SupportedLanguage } from '@sitecare/schema';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EuPrivateVat } from '../invoices/vat';

/** The agency's own details (issue 17): invoices, mail and the portal show them. Admins edit them. */

/** An agency: every tenant-owned row belongs to exactly one. */
@ObjectType({ description: 'An agency (tenant).' })
@Entity({ tableName: 'tenants' })
// Issue 21: the hosted pages' colour is a #rrggbb value (migration brand_color).
@Check({ name: 'tenants_brand_color_check', expression: "brand_color ~ '^#[0-9a-f]{6}$'" })
// Issue 23: the contract's end (migration contract_end).
@Check({
  name: 'tenants_contract_retention_years_check',
  expression: 'contract_retention_years >= 1 and contract_retention_years <= 10',
})
export class Tenant {
  [OptionalProps]?:
    | 'createdAt'
    | 'updatedAt'
    | 'country'
    | 'defaultLanguage'
    | 'timezone'
    | 'vatRateBasisPoints'
    | 'privacySalt'
    | 'currency'
    | 'fSkatt'
    | 'euPrivateVat'
    | 'basAccounts'
    | 'invoiceDueDays'
    | 'contractRetentionYears'
    | ProfileField
    | 'allowedOrigins'
    | 'logo'
    | 'logoContentType'
    | 'logoUpdatedAt'
    | 'smtpHost'
    | 'smtpPort'
    | 'smtpUser'
    | 'smtpFromAddress'
    | 'inboundEmailTokenHash'
    | 'paypalEnvironment'
    | 'secondFactorRoles';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field()
  @Property({ type: 'text' })
  @Unique()
  slug!: string;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  @Property({ type: 'character', length: 2 })
  country: string = 'SE';

  @Field(() => String, { description: 'sv or en.' })
  @Property({ type: 'text' })
  defaultLanguage: SupportedLanguage = 'sv';

  @Field({ description: 'P34: the address for privacy questions, shown in the portal and in every privacy e-mail.' })
  @Property({ type: 'text' })
  privacyContactEmail!: string;

  @Field({ description: 'P28: where a person may complain (Sweden: IMY).' })
  @Property({ type: 'text' })
  supervisoryAuthorityName!: string;

  @Field()
  @Property({ type: 'text' })
  supervisoryAuthorityUrl!: string;

  @Field(() => Int, { description: 'VAT on orders in basis points (Sweden: 2500 = 25 %).' })
  @Property({ type: 'integer' })
  vatRateBasisPoints: number = 2500;

  @Field({ description: 'IANA time zone, e.g. Europe/Stockholm.' })
  @Property({ type: 'text' })
  timezone: string = 'Europe/Stockholm';

  @Field(() => String, { nullable: true, description: 'The registered company name (e.g. on invoices).' })
  @Property({ type: 'text', nullable: true })
  legalName: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Sweden: organisationsnummer, NNNNNN-NNNN (check digit verified); elsewhere as registered.',
  })
  @Property({ type: 'text', nullable: true })
  organisationNumber: string | null = null;

  @Field(() => String, { nullable: true, description: 'EU VAT number with its country prefix, e.g. SE556036079301.' })
  @Property({ type: 'text', nullable: true })
  vatNumber: string | null = null;

  @Field(() => String, { nullable: true, description: 'Registered address: street.' })
  @Property({ type: 'text', nullable: true })
  addressLine1: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  addressLine2: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  postalCode: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  city: string | null = null;

  @Field({ description: 'ISO 4217 currency of prices and invoices, e.g. SEK.' })
  @Property({ type: 'character', length: 3 })
  currency: string = 'SEK';

  @Field({ description: 'Approved for F-tax (godkänd för F-skatt), printed on invoices.' })
  @Property({ type: 'boolean' })
  fSkatt: boolean = false;

  @Field(() => EuPrivateVat, {
    description:
      'Private buyers in other EU countries pay SWEDISH VAT or their DESTINATION rate (OSS); docs/invoices.md.',
  })
  @Enum({ items: () => EuPrivateVat })
  euPrivateVat: EuPrivateVat = EuPrivateVat.SWEDISH;

  @Field(() => Int, { description: 'Pay by invoice: days from issue to due date (default 30).' })
  @Property({ type: 'integer', default: 30 })
  invoiceDueDays: number = 30;

  /**
   * Issue 23: the contract basis ends this many years after the customer's last order or subscription
   * (default 3, the statute of limitations); then the data held only for the contract is minimised
   * (`sitecare_contract_ends`, modules/customers/contract-end.ts).
   */
  @Field(() => Int, {
    description:
      "Years the contract's data (tickets, site access, backups, visits) is kept after a customer's last order or subscription (1-10, default 3).",
  })
  @Property({ type: 'integer', default: 3 })
  contractRetentionYears: number = 3;

  /** Issue 19: the agency's changes to the default BAS accounts of the SIE export (modules/invoices/sie.ts). */
  @Property({ type: 'json', nullable: true })
  basAccounts: Record<string, number> | null = null;

  @Field(() => String, { nullable: true, description: 'Bankgiro, NNNN-NNNN (check digit verified).' })
  @Property({ type: 'text', nullable: true })
  bankgiro: string | null = null;

  @Field(() => String, { nullable: true, description: 'Plusgiro, NNNNNN-N (check digit verified).' })
  @Property({ type: 'text', nullable: true })
  plusgiro: string | null = null;

  @Field(() => String, { nullable: true, description: 'IBAN in electronic form (check digits verified).' })
  @Property({ type: 'text', nullable: true })
  iban: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  bic: string | null = null;

  /** Issue 21 (S37): the origins of the agency's website that may call the public operations (modules/website). */
  @Field(() => [String], { description: "Origins of the agency's own website (CORS for the public operations)." })
  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: `'{}'` })
  allowedOrigins: string[] = [];

  /** Issue 21: the agency's colour on its hosted pages (modules/hosted), which check its contrast. */
  @Field(() => String, { nullable: true, description: "The agency's colour, #rrggbb (its hosted pages' accent)." })
  @Property({ type: 'text', nullable: true })
  brandColor: string | null = null;

  @Field(() => String, { nullable: true, description: "Customers' replies go here (Reply-To of the agency's mail)." })
  @Property({ type: 'text', nullable: true })
  supportEmail: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: "The name the agency's mail is from (default: the agency's name).",
  })
  @Property({ type: 'text', nullable: true })
  senderName: string | null = null;

  /** The logo's bytes (PNG, JPEG or WebP, content-sniffed): loaded only when served. */
  @Property({ type: 'blob', nullable: true, lazy: true })
  logo: Buffer | null = null;

  @Property({ type: 'text', nullable: true })
  logoContentType: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  logoUpdatedAt: Date | null = null;

  /** The agency's own SMTP relay (its password is an AgencySecret, `smtp.password`); null: the installation's. */
  @Property({ type: 'text', nullable: true })
  smtpHost: string | null = null;

  @Property({ type: 'integer', nullable: true })
  smtpPort: number | null = null;

  @Property({ type: 'text', nullable: true })
  smtpUser: string | null = null;

  /** The address mail leaves from through the agency's relay (its own domain). */
  @Property({ type: 'text', nullable: true })
  smtpFromAddress: string | null = null;

  /** The environment of the agency's own PayPal account (its keys are AgencySecrets `paypal.*`). */
  @Property({ type: 'text', nullable: true })
  paypalEnvironment: 'sandbox' | 'live' | null = null;

  /** SHA-256 of the agency's inbound e-mail token (shown once when made). */
  @Property({ type: 'text', nullable: true })
  inboundEmailTokenHash: string | null = null;

  /**
   * Issue 20: the roles whose users must have a second factor (a new agency: ADMIN, EMPLOYEE and
   * CONTRACTOR; see createTenant). A user of such a role without one sets it up right after the password.
   */
  @Field(() => [String], { description: 'Roles that must log in with a second factor (admins change it).' })
  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: `'{}'` })
  secondFactorRoles: string[] = [];

  /** P26: the salt of this agency's suppression hashes (never in the API): hashes are not comparable across agencies. */
  @Property({ type: 'text' })
  privacySalt: string = randomBytes(32).toString('hex');
}

type ProfileField =
  | 'legalName'
  | 'organisationNumber'
  | 'vatNumber'
  | 'addressLine1'
  | 'addressLine2'
  | 'postalCode'
  | 'city'
  | 'bankgiro'
  | 'plusgiro'
  | 'iban'
  | 'bic'
  | 'supportEmail'
  | 'senderName'
  | 'brandColor';
