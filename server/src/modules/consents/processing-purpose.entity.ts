import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';

/** P12: GDPR art. 6(1): every purpose rests on one of these. */
export enum LegalBasis {
  CONSENT = 'CONSENT',
  CONTRACT = 'CONTRACT',
  LEGAL_OBLIGATION = 'LEGAL_OBLIGATION',
  LEGITIMATE_INTEREST = 'LEGITIMATE_INTEREST',
  VITAL_INTEREST = 'VITAL_INTEREST',
  PUBLIC_TASK = 'PUBLIC_TASK',
}
registerEnumType(LegalBasis, { name: 'LegalBasis' });

/** The purposes every agency starts with (tenant creation and the demo). */
export const PURPOSE_KEYS = [
  'newsletter',
  'targeted_ads',
  'profiling',
  'service_delivery',
  'analytics',
  'email_tracking',
  'surveys',
] as const;
export type PurposeKey = (typeof PURPOSE_KEYS)[number];

/** P12: why the agency processes personal data, on which legal basis, what data, and for how long. */
@ObjectType({ description: 'P12: a purpose of processing with its legal basis.' })
@Entity({ tableName: 'processing_purposes' })
@Unique({ properties: ['tenant', 'key'] })
export class ProcessingPurpose extends TenantOwned<
  'retentionDays' | 'dataCategories' | 'directMarketing' | 'stoppedByObjection'
> {
  @Field({ description: 'newsletter, targeted_ads, profiling, service_delivery, analytics, email_tracking…' })
  @Property({ type: 'text' })
  key!: string;

  @Field()
  @Property({ type: 'text' })
  descriptionSv!: string;

  @Field()
  @Property({ type: 'text' })
  descriptionEn!: string;

  @Field(() => LegalBasis)
  @Enum({ items: () => LegalBasis })
  legalBasis!: LegalBasis;

  @Field(() => [String])
  @Property({ type: 'json' })
  dataCategories: string[] = [];

  @Field(() => Int, {
    nullable: true,
    description: 'How long data kept for this purpose lives; null: as long as the contract.',
  })
  @Property({ type: 'integer', nullable: true })
  retentionDays: number | null = null;

  @Field({ description: 'Art. 21(2): direct marketing (or profiling for it); an objection always stops it.' })
  @Property({ type: 'boolean', default: false })
  directMarketing: boolean = false;

  /**
   * Art. 21: whether a person's objection stops this purpose for them: a legitimate-interest basis or
   * direct marketing. Computed by PostgreSQL (one definition, read by `sitecare_processing_refusal`).
   */
  @Field({ description: "Art. 21: a person's objection stops this purpose (legitimate interest or direct marketing)." })
  @Property({
    type: 'boolean',
    generated: `(legal_basis = 'LEGITIMATE_INTEREST' or direct_marketing) stored`,
  })
  stoppedByObjection!: boolean;
}
