import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Contact } from '../customers/contact.entity';

export enum SurveyQuestionKind {
  TEXT = 'TEXT',
  CHOICE = 'CHOICE',
}
registerEnumType(SurveyQuestionKind, { name: 'SurveyQuestionKind' });

export enum SurveyChannel {
  PORTAL = 'PORTAL',
  PUBLIC = 'PUBLIC',
}
registerEnumType(SurveyChannel, { name: 'SurveyChannel' });

@ObjectType()
export class SurveyChoice {
  @Field()
  value!: string;

  @Field()
  labelSv!: string;

  @Field()
  labelEn!: string;
}

@ObjectType({ description: 'A question; every question is optional (P5).' })
export class SurveyQuestion {
  @Field({ description: 'Stable key answers refer to.' })
  key!: string;

  @Field(() => SurveyQuestionKind)
  kind!: SurveyQuestionKind;

  @Field()
  labelSv!: string;

  @Field()
  labelEn!: string;

  @Field(() => [SurveyChoice], { description: 'For CHOICE questions.' })
  choices!: SurveyChoice[];
}

/** P5: an optional survey the agency asks its customers or site visitors. */
@ObjectType({ description: 'A survey (P5): all questions optional.' })
@Entity({ tableName: 'surveys' })
export class Survey extends TenantOwned<'active'> {
  @Field()
  @Property({ type: 'text' })
  titleSv!: string;

  @Field()
  @Property({ type: 'text' })
  titleEn!: string;

  @Field(() => [SurveyQuestion])
  @Property({ type: 'json' })
  questions!: SurveyQuestion[];

  @Field()
  @Property({ type: 'boolean' })
  active: boolean = true;
}

@ObjectType()
export class SurveyAnswer {
  @Field()
  questionKey!: string;

  @Field()
  value!: string;
}

/** P5: one person's answers; linked to the contact when known (portal, or a matching e-mail). */
@ObjectType({ description: 'Answers to a survey (P5): personal data when linked to a contact or e-mail.' })
@Entity({ tableName: 'survey_responses' })
@Index({ properties: ['tenant', 'survey', 'createdAt'] })
export class SurveyResponse extends TenantOwned<'contact' | 'email'> {
  @ManyToOne(() => Survey, { deleteRule: 'cascade' })
  survey!: Rel<Survey>;

  /** Their answers go with the contact (erasure, or the contact deleted). */
  @ManyToOne(() => Contact, { nullable: true, deleteRule: 'cascade', index: true })
  contact: Rel<Contact> | null = null;

  @Field(() => String, { nullable: true, description: 'Given voluntarily on the public form.' })
  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Field(() => SurveyChannel)
  @Enum({ items: () => SurveyChannel })
  channel!: SurveyChannel;

  @Field(() => [SurveyAnswer])
  @Property({ type: 'json' })
  answers!: SurveyAnswer[];
}
