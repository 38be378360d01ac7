import { Migration } from '@mikro-orm/migrations';

/** Issue 17: the agency's business profile (company details, payment details for invoices, logo, sender). */
export class Migration20261206120000_agency_profile extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tenants"
      add column "legal_name" text null,
      add column "organisation_number" text null,
      add column "vat_number" text null,
      add column "address_line1" text null,
      add column "address_line2" text null,
      add column "postal_code" text null,
      add column "city" text null,
      add column "currency" char(3) not null default 'SEK',
      add column "f_skatt" boolean not null default false,
      add column "bankgiro" text null,
      add column "plusgiro" text null,
      add column "iban" text null,
      add column "bic" text null,
      add column "support_email" text null,
      add column "sender_name" text null,
      add column "logo" bytea null,
      add column "logo_content_type" text null,
      add column "logo_updated_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "tenants"
      drop column "legal_name", drop column "organisation_number", drop column "vat_number",
      drop column "address_line1", drop column "address_line2", drop column "postal_code", drop column "city",
      drop column "currency", drop column "f_skatt", drop column "bankgiro", drop column "plusgiro",
      drop column "iban", drop column "bic", drop column "support_email", drop column "sender_name",
      drop column "logo", drop column "logo_content_type", drop column "logo_updated_at";`);
  }
}
