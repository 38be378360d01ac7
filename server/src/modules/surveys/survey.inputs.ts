import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { FilteredListArgs } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { SurveyQuestionKind } from './survey.entity';

const KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;
const KEY_MESSAGE = 'must be 1–40 lower-case letters, digits or -';

@InputType()
export class SurveyChoiceInput {
  @Field()
  @Matches(KEY, { message: KEY_MESSAGE })
  value!: string;

  @Field()
  @Length(1, 200)
  labelSv!: string;

  @Field()
  @Length(1, 200)
  labelEn!: string;
}

@InputType()
export class SurveyQuestionInput {
  @Field()
  @Matches(KEY, { message: KEY_MESSAGE })
  key!: string;

  @Field(() => SurveyQuestionKind)
  @IsEnum(SurveyQuestionKind)
  kind!: SurveyQuestionKind;

  @Field()
  @Length(1, 500)
  labelSv!: string;

  @Field()
  @Length(1, 500)
  labelEn!: string;

  @Field(() => [SurveyChoiceInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  choices?: SurveyChoiceInput[];
}

@InputType({ description: 'A survey: titles in Swedish and English, 1–30 optional questions.' })
export class SurveyInput {
  @Field()
  @Length(1, 200)
  titleSv!: string;

  @Field()
  @Length(1, 200)
  titleEn!: string;

  @Field(() => [SurveyQuestionInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  questions!: SurveyQuestionInput[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class SurveyAnswerInput {
  @Field()
  @Matches(KEY, { message: KEY_MESSAGE })
  questionKey!: string;

  @Field({ description: 'Free text, or the value of the chosen option.' })
  @Length(1, 2000)
  value!: string;
}

@InputType({ description: 'Answers from the public survey page: anonymous unless an e-mail is given.' })
export class PublicSurveyAnswerInput {
  @Field({ description: "The agency's slug." })
  @Length(1, 100)
  agency!: string;

  @Field(() => UUID)
  @IsUUID()
  surveyId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email?: string | null;

  @Field(() => [SurveyAnswerInput])
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  answers!: SurveyAnswerInput[];
}

@InputType()
export class SurveyResponseFilter {
  @Field(() => UUID, { nullable: true })
  @IsOptional()
  @IsUUID()
  surveyId?: string;
}

export const SurveyResponseListArgs = FilteredListArgs(SurveyResponseFilter);
export type SurveyResponseListArgs = InstanceType<typeof SurveyResponseListArgs>;

@InputType()
export class SurveyFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export const SurveyListArgs = FilteredListArgs(SurveyFilter);
export type SurveyListArgs = InstanceType<typeof SurveyListArgs>;
