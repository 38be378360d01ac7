// P5: optional surveys over HTTP (portal and public), staff reading the answers, and the answers
// as personal data: exported and erased through the personal-data registry (with the visit log, P11).
import { initOrm } from '../../server/src/db/orm';
import { systemContext, useTenant, type AppServices } from '../../server/src/graphql/context';
import { createLogger } from '../../server/src/logger';
import type { DataSubject } from '../../server/src/privacy/personal-data';
import { personalDataSources } from '../../server/src/modules';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';

let demo: DemoApp;
let orm: Awaited<ReturnType<typeof initOrm>>;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

beforeAll(async () => {
  demo = await startDemoApp();
  // The application's own role: row-level security applies, as in a request.
  orm = await initOrm(demo.db.env.DATABASE_URL, { logger: () => undefined });
});
afterAll(async () => {
  await orm?.close(true);
  await demo?.stop();
});

/** Runs `work` like the privacy engine does: one transaction, scoped to the agency. */
async function inAgency<T>(slug: string, work: (ctx: ReturnType<typeof systemContext>) => Promise<T>): Promise<T> {
  const [{ id }] = await sql(`select id from tenants where slug = $1`, [slug]);
  return orm.em.fork().transactional(async (em) => {
    const ctx = systemContext(em, { logger: createLogger('silent') } as unknown as AppServices, 'test');
    await useTenant(ctx, id);
    return work(ctx);
  });
}

async function annaSubject(): Promise<DataSubject> {
  const [row] = await sql(
    `select t.id as tenant, c.id as contact, u.id as login from contacts c join tenants t on t.id = c.tenant_id
       join users u on u.contact_id = c.id where c.email = 'anna@bageriet.example.com'`,
  );
  return {
    tenantId: row.tenant,
    email: 'anna@bageriet.example.com',
    contactIds: [row.contact],
    userIds: [row.login],
    soleCustomerIds: [],
    names: ['Anna Ek'],
    phones: [],
  };
}

const jjSurveyId = async (slug = 'jj-media') =>
  (await sql(`select s.id from surveys s join tenants t on t.id = s.tenant_id where t.slug = $1`, [slug]))[0]
    .id as string;

const ANSWER =
  'mutation($s: UUID!, $a: [SurveyAnswerInput!]!) { surveyAnswer(surveyId: $s, answers: $a) { id channel answers { questionKey value } } }';
const ANSWER_PUBLIC = 'mutation($i: PublicSurveyAnswerInput!) { surveyAnswerPublic(input: $i) }';
const RESPONSES = `query($f: SurveyResponseFilter) { surveyResponses(filter: $f, page: { take: 100 }) {
  totalCount nodes { id channel email contact { email } survey { titleEn } answers { questionKey value } } } }`;

describe('P5: optional surveys', () => {
  it('P5: a customer sees the active survey in the portal and answers; the answers are linked to their contact', async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const { surveys } = await customer.ok(
      '{ surveys { nodes { id titleSv titleEn questions { key kind labelSv choices { value labelEn } } } } }',
    );
    expect(surveys.nodes).toHaveLength(1);
    expect(surveys.nodes[0].questions.map((q: any) => [q.key, q.kind])).toEqual([
      ['satisfaction', 'CHOICE'],
      ['improve', 'TEXT'],
    ]);
    // Every question is optional: one answer is enough.
    const { surveyAnswer } = await customer.ok(ANSWER, {
      s: surveys.nodes[0].id,
      a: [{ questionKey: 'improve', value: 'Mer om SEO, kort 4111 1111 1111 1111 hör inte hit' }],
    });
    expect(surveyAnswer).toMatchObject({ channel: 'PORTAL' });
    expect(surveyAnswer.answers[0].value).toBe('Mer om SEO, kort [card ending 1111] hör inte hit');
    const [row] = await sql(
      `select c.email from survey_responses r join contacts c on c.id = r.contact_id where r.id = $1`,
      [surveyAnswer.id],
    );
    expect(row.email).toBe('anna@bageriet.example.com');
  });

  it('P5: the public page: anonymous without an e-mail, linked to the contact when the e-mail is known', async () => {
    const anonymous = new ApiClient(demo.url);
    const surveyId = await jjSurveyId();
    const { surveyPublic } = await anonymous.ok(
      'query($id: UUID!) { surveyPublic(agency: "jj-media", id: $id) { titleEn } }',
      {
        id: surveyId,
      },
    );
    expect(surveyPublic.titleEn).toBe('How happy are you with us?');
    for (const email of [null, 'Anna@Bageriet.example.com']) {
      const res = await anonymous.ok(ANSWER_PUBLIC, {
        i: {
          agency: 'jj-media',
          surveyId,
          email,
          answers: [{ questionKey: 'satisfaction', value: email ? 'very' : 'not' }],
        },
      });
      expect(res.surveyAnswerPublic).toBe(true);
    }
    const rows = await sql(
      `select r.email, c.email as contact from survey_responses r left join contacts c on c.id = r.contact_id
        where r.channel = 'PUBLIC' and r.created_at > now() - interval '1 minute' order by r.created_at`,
    );
    expect(rows).toEqual([
      { email: null, contact: null },
      { email: 'anna@bageriet.example.com', contact: 'anna@bageriet.example.com' },
    ]);
  });

  it('P5: staff read the answers with their survey and contact', async () => {
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { surveyResponses } = await staff.ok(RESPONSES, { f: { surveyId: await jjSurveyId() } });
    expect(surveyResponses.totalCount).toBe(6); // 3 seeded + 1 portal + 2 public
    expect(surveyResponses.nodes.every((r: any) => r.survey.titleEn === 'How happy are you with us?')).toBe(true);
    expect(surveyResponses.nodes.filter((r: any) => r.contact?.email === 'anna@bageriet.example.com')).toHaveLength(3);
  });

  it('P5: bad answers and bad surveys name the field', async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const s = await jjSurveyId();
    for (const [a, field] of [
      [[], 'answers'],
      [[{ questionKey: 'nope', value: 'x' }], 'answers.0.questionKey'],
      [[{ questionKey: 'satisfaction', value: 'maybe' }], 'answers.0.value'],
      [
        [
          { questionKey: 'improve', value: 'a' },
          { questionKey: 'improve', value: 'b' },
        ],
        'answers.1.questionKey',
      ],
    ] as const) {
      const res = await customer.gql(ANSWER, { s, a });
      expect({ field, got: res.errors?.[0]?.extensions?.field }).toEqual({ field, got: field });
    }
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const create = 'mutation($i: SurveyInput!) { surveyCreate(input: $i) { id questions { key } } }';
    const bad = await staff.gql(create, {
      i: {
        titleSv: 'Ny',
        titleEn: 'New',
        questions: [
          {
            key: 'q',
            kind: 'CHOICE',
            labelSv: 'F',
            labelEn: 'Q',
            choices: [{ value: 'a', labelSv: 'A', labelEn: 'A' }],
          },
        ],
      },
    });
    expect(bad.errors?.[0]?.extensions?.field).toBe('questions.0.choices');
    const ok = await staff.ok(create, {
      i: {
        titleSv: 'Ny',
        titleEn: 'New',
        active: false,
        questions: [{ key: 'q', kind: 'TEXT', labelSv: 'F', labelEn: 'Q' }],
      },
    });
    expect(ok.surveyCreate.questions).toEqual([{ key: 'q' }]);
    expect(
      Number(
        (
          await sql(`select count(*) from audit_events where action = 'survey.create' and entity_id = $1`, [
            ok.surveyCreate.id,
          ])
        )[0].count,
      ),
    ).toBe(1);
    // An inactive survey cannot be answered, in the portal or publicly.
    expect(
      errorCode(await customer.gql(ANSWER, { s: ok.surveyCreate.id, a: [{ questionKey: 'q', value: 'x' }] })),
    ).toBe('NOT_FOUND');
  });

  it('P5: answers are exported and erased through the personal-data registry (with the visits of the login)', async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    await customer.ok(
      'mutation { visitRecord(input: { agency: "jj-media", path: "/portal/enkat", visitorId: "demo-visitor-0001" }) }',
    );
    const subject = await annaSubject();
    const names = personalDataSources.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['surveyResponses', 'visits']));

    const exported = await inAgency('jj-media', async (ctx) => {
      const out: Record<string, any> = {};
      for (const source of personalDataSources) out[source.name] = await source.export(ctx, subject);
      return out;
    });
    expect(exported.surveyResponses).toHaveLength(3);
    expect(exported.surveyResponses.map((r: any) => r.channel).sort()).toEqual(['PORTAL', 'PORTAL', 'PUBLIC']);
    expect(exported.surveyResponses[0].answers[0].question).toEqual({
      sv: 'Hur nöjd är du med vår support?',
      en: 'How happy are you with our support?',
    });
    // The login's visits, and the earlier anonymous visit of the same browser (visitor id).
    expect(exported.visits.map((v: any) => v.path).sort()).toEqual(['/kontakt', '/portal', '/portal/enkat']);
    expect(exported.visits.find((v: any) => v.path === '/portal/enkat')).toMatchObject({ ip: '127.0.0.1' });

    const reports = await inAgency('jj-media', async (ctx) => {
      const out: Record<string, any> = {};
      // Only these two sources: the rest (the login, the contact) belongs to other suites.
      const mine = personalDataSources.filter((s) => s.name === 'surveyResponses' || s.name === 'visits');
      for (const source of mine.reverse()) out[source.name] = await source.erase(ctx, subject);
      return out;
    });
    expect(reports.surveyResponses).toEqual({ deleted: 3, anonymised: 0 });
    expect(reports.visits).toEqual({ deleted: 3, anonymised: 0 });
    expect(
      await sql(`select count(*)::int as n from survey_responses where contact_id = $1 or email = $2`, [
        subject.contactIds[0],
        subject.email,
      ]),
    ).toEqual([{ n: 0 }]);
    expect(
      await sql(
        `select count(*)::int as n from visits
          where tenant_id = $2 and (user_id = $1 or visitor_id = 'demo-visitor-0001')`,
        [subject.userIds[0], subject.tenantId],
      ),
    ).toEqual([{ n: 0 }]);
    // Other people's answers stay: the anonymous ones and the other agency's.
    expect(
      (await sql(`select count(*)::int as n from survey_responses where contact_id is null and email is null`))[0].n,
    ).toBeGreaterThanOrEqual(3);
    const again = await inAgency('jj-media', (ctx) =>
      personalDataSources.find((s) => s.name === 'surveyResponses')!.export(ctx, subject),
    );
    expect(again).toEqual([]);
  });

  it('P5: nordvik-webbyra sees only its own survey and answers; contractors are FORBIDDEN', async () => {
    const nordvik = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    const jjSurvey = await jjSurveyId();
    expect(errorCode(await nordvik.gql('query($id: UUID!) { survey(id: $id) { id } }', { id: jjSurvey }))).toBe(
      'NOT_FOUND',
    );
    const { surveyResponses } = await nordvik.ok(RESPONSES);
    expect(surveyResponses.totalCount).toBe(3);
    expect(surveyResponses.nodes.every((r: any) => r.contact?.email !== 'anna@bageriet.example.com')).toBe(true);
    // The public page of the other agency does not reach JJ Media's survey.
    const cross = await new ApiClient(demo.url).gql(ANSWER_PUBLIC, {
      i: { agency: 'nordvik-webbyra', surveyId: jjSurvey, answers: [{ questionKey: 'satisfaction', value: 'very' }] },
    });
    expect(errorCode(cross)).toBe('NOT_FOUND');
    const contractor = await as(demo.url, 'jj-media', 'CONTRACTOR');
    expect(errorCode(await contractor.gql(RESPONSES))).toBe('FORBIDDEN');
    expect(errorCode(await contractor.gql('{ surveys { totalCount } }'))).toBe('FORBIDDEN');
    expect(errorCode(await contractor.gql(ANSWER, { s: jjSurvey, a: [{ questionKey: 'improve', value: 'x' }] }))).toBe(
      'FORBIDDEN',
    );
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    expect(errorCode(await customer.gql(RESPONSES))).toBe('FORBIDDEN');
  });
});
