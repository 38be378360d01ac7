import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Site } from '../sites/site.entity';

/**
 * Issue 22: a site's monthly care report, made once per site and month (the unique key makes the
 * monthly job idempotent). Its figures are kept as made, so the PDF (care-report.pdf.ts) of the mail,
 * the staff's preview and a resend all show the same numbers.
 */
@ObjectType({ description: "A site's monthly care report." })
@Entity({ tableName: 'site_care_reports' })
@Unique({ properties: ['tenant', 'site', 'month'] })
@Index({ properties: ['tenant', 'site', 'month'] })
export class SiteCareReport extends TenantOwned<'sentAt'> {
  @ManyToOne(() => Site, { deleteRule: 'cascade' })
  site!: Site;

  @Field({ description: 'YYYY-MM, in the agency’s time zone.' })
  @Property({ type: 'text' })
  month!: string;

  /** The figures (CareReportFigures in care-report.ts), as made. */
  @Property({ type: 'json' })
  figures!: Record<string, unknown>;

  @Field(() => Date, { nullable: true, description: 'When the report was last mailed to the customer.' })
  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;
}
