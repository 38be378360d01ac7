import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { byIdLoader } from '../../graphql/loaders';
import { ListOf } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { Contact } from '../customers/contact.entity';
import { Survey, SurveyResponse } from './survey.entity';
import {
  PublicSurveyAnswerInput,
  SurveyAnswerInput,
  SurveyInput,
  SurveyListArgs,
  SurveyResponseListArgs,
} from './survey.inputs';
import * as surveys from './survey.service';

const SurveyList = ListOf(Survey, 'Survey');
const SurveyResponseList = ListOf(SurveyResponse, 'SurveyResponse');

/** P5: surveys. */
@Resolver(() => Survey)
export class SurveyResolver {
  @Query(() => SurveyList, { description: 'Surveys (customers: the active ones), newest first.' })
  surveys(@Args(() => SurveyListArgs) { filter, page }: SurveyListArgs, @Ctx() ctx: RequestContext) {
    return surveys.listSurveys(ctx, filter, page);
  }

  @Query(() => Survey)
  survey(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<Survey> {
    return surveys.getSurvey(ctx, id);
  }

  @Query(() => Survey, { description: 'An active survey for the public page of the agency.' })
  surveyPublic(
    @Arg('agency') agency: string,
    @Arg('id', () => UUID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Survey> {
    return surveys.publicSurvey(ctx, agency, id);
  }

  @Mutation(() => Survey)
  surveyCreate(@Arg('input') input: SurveyInput, @Ctx() ctx: RequestContext): Promise<Survey> {
    return surveys.createSurvey(ctx, input);
  }

  @Mutation(() => Survey)
  surveyUpdate(
    @Arg('id', () => UUID) id: string,
    @Arg('input') input: SurveyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Survey> {
    return surveys.updateSurvey(ctx, id, input);
  }

  @Mutation(() => SurveyResponse, { description: 'A logged-in customer answers; linked to their contact.' })
  surveyAnswer(
    @Arg('surveyId', () => UUID) surveyId: string,
    @Arg('answers', () => [SurveyAnswerInput]) answers: SurveyAnswerInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<SurveyResponse> {
    return surveys.answerAsCustomer(ctx, surveyId, answers);
  }

  @Mutation(() => Boolean, { description: 'The public survey page (no login, rate-limited).' })
  surveyAnswerPublic(@Arg('input') input: PublicSurveyAnswerInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    return surveys.answerPublicly(ctx, input);
  }
}

@Resolver(() => SurveyResponse)
export class SurveyResponseResolver {
  @Query(() => SurveyResponseList, { description: 'Answers, newest first.' })
  surveyResponses(
    @Args(() => SurveyResponseListArgs) { filter, page }: SurveyResponseListArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return surveys.listResponses(ctx, filter, page);
  }

  @FieldResolver(() => Survey)
  survey(@Root() r: SurveyResponse, @Ctx() ctx: RequestContext): Promise<Survey | null> {
    return byIdLoader(ctx, Survey).load(r.survey.id);
  }

  @FieldResolver(() => Contact, { nullable: true })
  contact(@Root() r: SurveyResponse, @Ctx() ctx: RequestContext): Promise<Contact | null> | null {
    return r.contact ? byIdLoader(ctx, Contact).load(r.contact.id) : null;
  }
}
