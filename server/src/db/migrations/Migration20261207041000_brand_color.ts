import { Migration } from '@mikro-orm/migrations';

/** Issue 21: the agency's colour (`#rrggbb`), used by the hosted pages (modules/hosted) with its contrast checked. */
export class Migration20261207041000_brand_color extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "tenants" add column "brand_color" text null constraint tenants_brand_color_check check ("brand_color" ~ '^#[0-9a-f]{6}$');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "tenants" drop column "brand_color";`);
  }
}
