// P5: optional surveys. Staff write them; customers answer in the portal (linked to their contact);
// anyone answers on the public page (anonymous unless they give an e-mail). Every question is optional.
import { isStaff } from '../../auth/scopes';
import { rateLimitPublicForm } from '../../auth/throttle';
import { escapeLike } from '../../db/like';
import { inAgency } from '../../graphql/agency';
import { requireViewer, type RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { PageInput, type Page } from '../../graphql/pagination';
import { inTransaction } from '../../graphql/transaction';
import { redactForStorage } from '../../privacy/redaction';
import { audit } from '../audit/audit.service';
import { Contact } from '../customers/contact.entity';
import { assertMayProcess, processingRefusal } from '../customers/processing.guard';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import {
  Survey,
  SurveyChannel,
  SurveyQuestionKind,
  SurveyResponse,
  type SurveyAnswer,
  type SurveyQuestion,
} from './survey.entity';
import type {
  PublicSurveyAnswerInput,
  SurveyAnswerInput,
  SurveyFilter,
  SurveyInput,
  SurveyResponseFilter,
} from './survey.inputs';

/** Surveys are processed under the `surveys` purpose (legitimate interest: an objection stops it). */
const SURVEY_USE = { purpose: 'surveys' };

function questionsOf(input: SurveyInput): SurveyQuestion[] {
  const keys = new Set<string>();
  return input.questions.map((q, i) => {
    if (keys.has(q.key)) throw badInput(`questions.${i}.key`, `Two questions with the key ${q.key}`);
    keys.add(q.key);
    const choices = q.kind === SurveyQuestionKind.CHOICE ? (q.choices ?? []) : [];
    if (q.kind === SurveyQuestionKind.CHOICE && choices.length < 2)
      throw badInput(`questions.${i}.choices`, 'A choice question needs at least two choices');
    if (new Set(choices.map((c) => c.value)).size !== choices.length)
      throw badInput(`questions.${i}.choices`, 'Two choices with the same value');
    return {
      key: q.key,
      kind: q.kind,
      labelSv: q.labelSv,
      labelEn: q.labelEn,
      choices: choices.map((c) => ({ ...c })),
    };
  });
}

/** Answers to known questions only, once each; choices among the options; free text redacted (P4). */
function answersFor(survey: Survey, answers: SurveyAnswerInput[]): SurveyAnswer[] {
  if (!answers.length) throw badInput('answers', 'Answer at least one question');
  const seen = new Set<string>();
  return answers.map((a, i) => {
    const question = survey.questions.find((q) => q.key === a.questionKey);
    if (!question) throw badInput(`answers.${i}.questionKey`, 'No such question in this survey');
    if (seen.has(a.questionKey)) throw badInput(`answers.${i}.questionKey`, 'The question is answered twice');
    seen.add(a.questionKey);
    if (question.kind === SurveyQuestionKind.CHOICE) {
      if (!question.choices.some((c) => c.value === a.value))
        throw badInput(`answers.${i}.value`, 'Not one of the choices');
      return { questionKey: a.questionKey, value: a.value };
    }
    return { questionKey: a.questionKey, value: redactForStorage(a.value.trim()).text };
  });
}

export async function listSurveys(
  ctx: RequestContext,
  filter: SurveyFilter = {},
  page = new PageInput(),
): Promise<Page<Survey>> {
  const where = isStaff(ctx) ? (filter.active === undefined ? {} : { active: filter.active }) : { active: true };
  const [nodes, totalCount] = await ctx.em.findAndCount(Survey, where, {
    orderBy: { createdAt: 'desc', id: 'desc' },
    limit: page.take,
    offset: page.skip,
  });
  return { nodes, totalCount };
}

export async function getSurvey(ctx: RequestContext, id: string): Promise<Survey> {
  const found = await ctx.em.findOne(Survey, isStaff(ctx) ? { id } : { id, active: true });
  if (!found) throw notFound('Survey');
  return found;
}

export function createSurvey(ctx: RequestContext, input: SurveyInput): Promise<Survey> {
  const questions = questionsOf(input);
  return inTransaction(ctx, async () => {
    const survey = ctx.em.create(Survey, {
      tenant: ctx.em.getReference(Tenant, ctx.tenantId!),
      titleSv: input.titleSv.trim(),
      titleEn: input.titleEn.trim(),
      questions,
      active: input.active ?? true,
    });
    await ctx.em.flush();
    await audit(ctx, { action: 'survey.create', entityType: 'Survey', entityId: survey.id });
    return survey;
  });
}

export function updateSurvey(ctx: RequestContext, id: string, input: SurveyInput): Promise<Survey> {
  return inTransaction(ctx, async () => {
    // Found first: another agency's id answers NOT_FOUND whatever the input (S8).
    const survey = await getSurvey(ctx, id);
    const questions = questionsOf(input);
    Object.assign(survey, {
      titleSv: input.titleSv.trim(),
      titleEn: input.titleEn.trim(),
      questions,
      active: input.active ?? survey.active,
    });
    await ctx.em.flush();
    await audit(ctx, { action: 'survey.update', entityType: 'Survey', entityId: id });
    return survey;
  });
}

/** A logged-in customer answers in the portal: the response is linked to their contact. */
export async function answerAsCustomer(
  ctx: RequestContext,
  surveyId: string,
  answers: SurveyAnswerInput[],
): Promise<SurveyResponse> {
  const viewer = requireViewer(ctx);
  return inTransaction(ctx, async () => {
    const survey = await ctx.em.findOne(Survey, { id: surveyId, active: true });
    if (!survey) throw notFound('Survey');
    const user = await ctx.em.findOneOrFail(User, viewer.userId, { populate: ['contact'] });
    // Issue 23: a restricted or objecting person's answers are not collected (typed error, naming it).
    await assertMayProcess(ctx, { contactIds: [user.contact?.id], email: user.email }, SURVEY_USE, 'surveyId');
    const response = ctx.em.create(SurveyResponse, {
      tenant: ctx.em.getReference(Tenant, ctx.tenantId!),
      survey,
      contact: user.contact ?? null,
      email: null,
      channel: SurveyChannel.PORTAL,
      answers: answersFor(survey, answers),
    });
    await ctx.em.flush();
    await audit(ctx, { action: 'survey.answer', entityType: 'SurveyResponse', entityId: response.id });
    return response;
  });
}

/** The public page: rate-limited; an unknown agency or survey answers NOT_FOUND alike. */
export async function answerPublicly(ctx: RequestContext, input: PublicSurveyAnswerInput): Promise<boolean> {
  await rateLimitPublicForm(ctx);
  const done = await inAgency(ctx, input.agency, (tenantId) =>
    inTransaction(ctx, async () => {
      const survey = await ctx.em.findOne(Survey, { id: input.surveyId, active: true });
      if (!survey) throw notFound('Survey');
      const email = input.email?.trim().toLowerCase() || null;
      // A known address links the answers to that contact, so export and erasure find them.
      // Issue 23: the answers of an address whose processing is restricted or objected are kept
      // anonymous (no address, no contact): never linked to the person, and the public page reveals
      // nothing about anyone's state.
      const linked = email && !(await processingRefusal(ctx, { email }, SURVEY_USE)) ? email : null;
      const contact = linked
        ? await ctx.em.findOne(Contact, { email: { $ilike: escapeLike(linked) } }, { orderBy: { createdAt: 'asc' } })
        : null;
      const response = ctx.em.create(SurveyResponse, {
        tenant: ctx.em.getReference(Tenant, tenantId),
        survey,
        contact,
        email: linked,
        channel: SurveyChannel.PUBLIC,
        answers: answersFor(survey, input.answers),
      });
      await ctx.em.flush();
      await audit(ctx, { action: 'survey.answer', entityType: 'SurveyResponse', entityId: response.id });
      return true;
    }),
  );
  if (!done) throw notFound('Survey');
  return true;
}

/** The public page reads an active survey by agency and id. */
export async function publicSurvey(ctx: RequestContext, agency: string, id: string): Promise<Survey> {
  const survey = await inAgency(ctx, agency, () => ctx.em.findOne(Survey, { id, active: true }));
  if (!survey) throw notFound('Survey');
  return survey;
}

export async function listResponses(
  ctx: RequestContext,
  filter: SurveyResponseFilter = {},
  page = new PageInput(),
): Promise<Page<SurveyResponse>> {
  const [nodes, totalCount] = await ctx.em.findAndCount(
    SurveyResponse,
    filter.surveyId ? { survey: filter.surveyId } : {},
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.take, offset: page.skip },
  );
  return { nodes, totalCount };
}
