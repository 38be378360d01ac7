// P5, P26: survey answers are the person's when linked to their contact or given with their e-mail.
// Export lists them with the questions' wording; erasure deletes them (free-text answers may
// mention the person, so anonymising the link alone would not be enough).
import type { FilterQuery } from '@mikro-orm/core';
import type { DataSubject, PersonalDataSource } from '../../privacy/personal-data';
import { SurveyResponse } from './survey.entity';

const responsesOf = (subject: DataSubject): FilterQuery<SurveyResponse> => ({
  $or: [{ contact: { $in: subject.contactIds } }, { email: subject.email.toLowerCase() }],
});

export const surveyResponseSource: PersonalDataSource = {
  name: 'surveyResponses',
  description: {
    sv: 'Dina svar på frivilliga enkäter, med frågorna.',
    en: 'Your answers to optional surveys, with the questions.',
  },
  async export(ctx, subject) {
    const rows = await ctx.em.find(SurveyResponse, responsesOf(subject), {
      populate: ['survey'],
      orderBy: { createdAt: 'asc', id: 'asc' },
    });
    return rows.map((r) => ({
      survey: { sv: r.survey.titleSv, en: r.survey.titleEn },
      answeredAt: r.createdAt.toISOString(),
      channel: r.channel,
      email: r.email,
      answers: r.answers.map((a) => {
        const question = r.survey.questions.find((q) => q.key === a.questionKey);
        return { question: question ? { sv: question.labelSv, en: question.labelEn } : a.questionKey, answer: a.value };
      }),
    }));
  },
  async erase(ctx, subject) {
    const deleted = await ctx.em.nativeDelete(SurveyResponse, responsesOf(subject));
    return { deleted, anonymised: 0 };
  },
};
