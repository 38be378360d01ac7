import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';

/** GDPR art. 33.1: the supervisory authority is told within 72 hours of becoming aware. */
export const NOTIFICATION_HOURS = 72;

/**
 * S26: a personal data breach (GDPR art. 33.5: every breach is documented, reported or not).
 * `deadline` and `overdue` are computed, never stored, so they cannot drift from `awareAt`.
 */
@ObjectType({ description: 'A personal data breach (art. 33): every one is logged, reported or not.' })
@Entity({ tableName: 'breaches' })
@Index({ properties: ['tenant', 'awareAt'] })
export class Breach extends TenantOwned<
  'notReportableReason' | 'authorityNotifiedAt' | 'subjectsNotifiedAt' | 'overdueFlaggedAt' | 'deadline' | 'overdue'
> {
  @Field({ description: 'When the agency became aware of the breach: the 72 hours run from here.' })
  @Property({ type: 'datetime' })
  awareAt!: Date;

  @Field()
  @Property({ type: 'text' })
  description!: string;

  @Field({ description: 'Categories of personal data concerned.' })
  @Property({ type: 'text' })
  dataCategories!: string;

  @Field(() => Int, { description: 'Approximate number of people affected.' })
  @Property({ type: 'integer' })
  approxAffected!: number;

  @Field({ description: 'Likely consequences for the people affected.' })
  @Property({ type: 'text' })
  consequences!: string;

  @Field({ description: 'Measures taken or proposed.' })
  @Property({ type: 'text' })
  measures!: string;

  @Field({ description: 'Whether it must be reported to the supervisory authority.' })
  @Property({ type: 'boolean' })
  reportable!: boolean;

  @Field(() => String, { nullable: true, description: 'Why a breach is not reportable (required then).' })
  @Property({ type: 'text', nullable: true })
  notReportableReason: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  authorityNotifiedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When the people affected were told (art. 34).' })
  @Property({ type: 'datetime', nullable: true })
  subjectsNotifiedAt: Date | null = null;

  /** Set by the deadline task when it first found the breach overdue (so it audits it once). */
  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  overdueFlaggedAt: Date | null = null;

  @Field({ description: 'awareAt + 72 hours.' })
  get deadline(): Date {
    return new Date(this.awareAt.getTime() + NOTIFICATION_HOURS * 3600_000);
  }

  @Field({ description: 'Reportable, the authority not notified, and the deadline passed.' })
  get overdue(): boolean {
    return this.reportable && !this.authorityNotifiedAt && Date.now() > this.deadline.getTime();
  }
}
