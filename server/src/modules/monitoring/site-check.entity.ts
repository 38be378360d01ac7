import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Site } from '../sites/site.entity';
import { SupportTicket } from '../tickets/support-ticket.entity';

export enum CheckKind {
  HTTP = 'HTTP',
  TLS = 'TLS',
  DOMAIN = 'DOMAIN',
}
registerEnumType(CheckKind, { name: 'CheckKind', description: 'What a check looked at.' });

export enum RollupPeriod {
  HOUR = 'HOUR',
  DAY = 'DAY',
}
registerEnumType(RollupPeriod, { name: 'RollupPeriod' });

/**
 * Issue 22: when a monitored site is checked next. One row per site under a package with uptime
 * monitoring (kept in step by `syncCheckSchedules`); workers take due rows with `FOR UPDATE SKIP
 * LOCKED` and move them on by the package's interval, so each due check runs once across processes.
 */
@Entity({ tableName: 'site_check_schedules' })
@Index({ properties: ['dueAt'] })
@Unique({ properties: ['tenant', 'site'] })
export class SiteCheckSchedule extends TenantOwned<
  'expectedText' | 'consecutiveFailures' | 'tlsCheckedAt' | 'domainCheckedAt'
> {
  @ManyToOne(() => Site, { deleteRule: 'cascade' })
  site!: Site;

  @Property({ type: 'datetime' })
  dueAt!: Date;

  /** Text the page must contain (optional). */
  @Property({ type: 'text', nullable: true })
  expectedText: string | null = null;

  /** HTTP checks failed in a row (0 after a success). */
  @Property({ type: 'integer', default: 0 })
  consecutiveFailures: number = 0;

  /** The certificate is looked at hourly, the domain's registration daily (politeness). */
  @Property({ type: 'datetime', nullable: true })
  tlsCheckedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  domainCheckedAt: Date | null = null;
}

/** Issue 22: one check's raw result, kept 7 days (then only its hourly and daily roll-ups). */
@ObjectType({ description: 'One check of a site.' })
@Entity({ tableName: 'site_check_results' })
@Index({ properties: ['tenant', 'site', 'checkedAt'] })
@Index({ properties: ['checkedAt'] })
export class SiteCheckResult extends TenantOwned {
  @ManyToOne(() => Site, { deleteRule: 'cascade' })
  site!: Site;

  @Field(() => CheckKind)
  @Enum({ items: () => CheckKind })
  kind!: CheckKind;

  @Field()
  @Property({ type: 'datetime' })
  checkedAt!: Date;

  @Field()
  @Property({ type: 'boolean' })
  ok!: boolean;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  statusCode: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Milliseconds until the answer (or the failure).' })
  @Property({ type: 'integer', nullable: true })
  responseMs: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  @Field(() => Date, { nullable: true, description: 'TLS: the certificate expires; DOMAIN: the registration.' })
  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;
}

/** Issue 22: an hour's or a day's HTTP checks of a site, made from the raw results before they go. */
@ObjectType({ description: "An hour's or a day's checks of a site." })
@Entity({ tableName: 'site_check_rollups' })
@Unique({ properties: ['tenant', 'site', 'period', 'periodStart'] })
@Index({ properties: ['tenant', 'site', 'period', 'periodStart'] })
export class SiteCheckRollup extends TenantOwned {
  @ManyToOne(() => Site, { deleteRule: 'cascade' })
  site!: Site;

  @Field(() => RollupPeriod)
  @Enum({ items: () => RollupPeriod })
  period!: RollupPeriod;

  @Field()
  @Property({ type: 'datetime' })
  periodStart!: Date;

  @Field(() => Int)
  @Property({ type: 'integer' })
  checks!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  okChecks!: number;

  @Field(() => Int, { nullable: true, description: 'Median response time of the successful checks, ms.' })
  @Property({ type: 'integer', nullable: true, fieldName: 'p50_ms' })
  p50Ms: number | null = null;

  @Field(() => Int, { nullable: true, description: '95th percentile response time of the successful checks, ms.' })
  @Property({ type: 'integer', nullable: true, fieldName: 'p95_ms' })
  p95Ms: number | null = null;
}

export enum IncidentKind {
  DOWN = 'DOWN',
  CERTIFICATE = 'CERTIFICATE',
  DOMAIN = 'DOMAIN',
}
registerEnumType(IncidentKind, {
  name: 'IncidentKind',
  description: 'DOWN: failed checks in a row; CERTIFICATE/DOMAIN: invalid or expiring within 14 days (a warning).',
});

/** Issue 22: a site down (or a certificate or domain about to expire), from opening to recovery. */
@ObjectType({ description: 'An incident on a site.' })
@Entity({ tableName: 'site_incidents' })
@Index({ properties: ['tenant', 'site', 'openedAt'] })
// One open incident per site and kind (flapping does not spam).
@Index({
  name: 'site_incidents_open_unique',
  expression:
    'create unique index "site_incidents_open_unique" on "site_incidents" ("tenant_id", "site_id", "kind") where "closed_at" is null',
})
export class SiteIncident extends TenantOwned<'closedAt' | 'detail' | 'ticket'> {
  @ManyToOne(() => Site, { deleteRule: 'cascade' })
  site!: Site;

  @Field(() => IncidentKind)
  @Enum({ items: () => IncidentKind })
  kind!: IncidentKind;

  @Field()
  @Property({ type: 'datetime' })
  openedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;

  @Field()
  @Property({ type: 'text', default: '' })
  detail: string = '';

  @ManyToOne(() => SupportTicket, { nullable: true, deleteRule: 'set null' })
  ticket: SupportTicket | null = null;
}
