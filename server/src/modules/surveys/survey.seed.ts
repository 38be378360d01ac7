// Demo survey (P5): one per agency, with a few answers (one from a portal customer, one anonymous,
// one public with an e-mail).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Contact } from '../customers/contact.entity';
import type { Tenant } from '../tenants/tenant.entity';
import { Survey, SurveyChannel, SurveyQuestionKind, SurveyResponse } from './survey.entity';
import type { DemoSeeder } from '../../system/demo-seed';
import { DEMO_CUSTOMERS } from '../customers/customer.seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';

const day = 24 * 3600_000;

export function seedSurveys(em: EntityManager, tenant: Tenant, contacts: Contact[], now = new Date()): void {
  const survey = em.create(Survey, {
    tenant,
    titleSv: 'Hur nöjd är du med oss?',
    titleEn: 'How happy are you with us?',
    questions: [
      {
        key: 'satisfaction',
        kind: SurveyQuestionKind.CHOICE,
        labelSv: 'Hur nöjd är du med vår support?',
        labelEn: 'How happy are you with our support?',
        choices: [
          { value: 'very', labelSv: 'Mycket nöjd', labelEn: 'Very happy' },
          { value: 'somewhat', labelSv: 'Ganska nöjd', labelEn: 'Fairly happy' },
          { value: 'not', labelSv: 'Inte nöjd', labelEn: 'Not happy' },
        ],
      },
      {
        key: 'improve',
        kind: SurveyQuestionKind.TEXT,
        labelSv: 'Vad kan vi göra bättre?',
        labelEn: 'What could we do better?',
        choices: [],
      },
    ],
  });
  const answers = [
    {
      contact: contacts[0] ?? null,
      email: null,
      channel: SurveyChannel.PORTAL,
      ago: 6 * day,
      answers: [
        { questionKey: 'satisfaction', value: 'very' },
        { questionKey: 'improve', value: 'Snabbare svar på helger.' },
      ],
    },
    {
      contact: null,
      email: null,
      channel: SurveyChannel.PUBLIC,
      ago: 4 * day,
      answers: [{ questionKey: 'satisfaction', value: 'somewhat' }],
    },
    {
      contact: null,
      email: 'kund@exempel.example.com',
      channel: SurveyChannel.PUBLIC,
      ago: 2 * day,
      answers: [{ questionKey: 'improve', value: 'Tydligare fakturor, tack.' }],
    },
  ];
  for (const { ago, ...a } of answers) {
    const at = new Date(now.getTime() - ago);
    em.create(SurveyResponse, { tenant, survey, createdAt: at, updatedAt: at, ...a });
  }
}

export const surveySeed: DemoSeeder = {
  after: ['tenants', 'customers'],
  perAgency: (ctx) =>
    seedSurveys(
      ctx.em,
      ctx.get(DEMO_TENANT),
      ctx.get(DEMO_CUSTOMERS).flatMap((c) => c.contacts),
    ),
};
