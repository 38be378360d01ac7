// P28 (issue 23): restriction (Art. 18) and objection (Art. 21) are states every module honours,
// through the one guard (server/src/modules/customers/processing.guard.ts and PostgreSQL's
// `sitecare_processing_refusal`): marketing, e-mail tracking, surveys, outgoing webhooks, new orders
// in the person's name and moving them between customers are refused with a typed error naming the
// restriction; reading still works and legally required mail still goes out.
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode, type GraphQLResponse } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';

let demo: DemoApp;
let staff: ApiClient;
let customer: ApiClient;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

const ANNA = 'anna@bageriet.example.com';
const CREATE = 'mutation($i: PrivacyRequestStaffInput!) { privacyRequestCreate(input: $i) { id } }';
const VERIFY = 'mutation($id: UUID!) { privacyRequestVerify(id: $id) { id } }';
const COMPLETE = `mutation($id: UUID!, $i: PrivacyRequestCompleteInput) { privacyRequestComplete(id: $id, input: $i) { status } }`;
const CONSENT = 'mutation($i: ConsentRecordInput!) { consentRecord(input: $i) { id } }';
const SEND = 'mutation($i: MarketingSendInput!) { marketingSend(input: $i) { queued refused } }';
const SURVEY_ANSWER =
  'mutation($s: UUID!, $a: [SurveyAnswerInput!]!) { surveyAnswer(surveyId: $s, answers: $a) { id } }';
const SURVEY_PUBLIC = 'mutation($i: PublicSurveyAnswerInput!) { surveyAnswerPublic(input: $i) }';
const MOVE = 'mutation($id: UUID!, $c: UUID!) { contactMove(id: $id, customerId: $c) { id customer { id } } }';
const CHECKOUT = 'mutation($i: CheckoutInput!) { checkout(input: $i) { orderId } }';
const TICKET = 'mutation($i: SupportTicketInput!) { supportTicketCreate(input: $i) { id } }';

let annaContact: string;
let annaCustomer: string;
let otherCustomer: string;
let otherContact: string;
let survey: { id: string; key: string; value: string };

beforeAll(async () => {
  demo = await startDemoApp({ WEBHOOKS_ALLOW_LOOPBACK: 'true' });
  staff = await as(demo.url, 'jj-media', 'ADMIN');
  customer = await as(demo.url, 'jj-media', 'CUSTOMER');
  const [anna] = await sql(`select id, customer_id from contacts where email = $1`, [ANNA]);
  annaContact = anna.id;
  annaCustomer = anna.customer_id;
  const [other] = await sql(
    `select c.id, c.customer_id from contacts c join tenants t on t.id = c.tenant_id
      where t.slug = 'jj-media' and c.customer_id <> $1 and c.erased_at is null and c.processing_restricted_at is null
      order by c.email limit 1`,
    [annaCustomer],
  );
  otherCustomer = other.customer_id;
  otherContact = other.id;
  const [s] = await sql(
    `select s.id, s.questions from surveys s join tenants t on t.id = s.tenant_id where t.slug = 'jj-media' and s.active limit 1`,
  );
  const q = (s.questions as { key: string; kind: string; choices: { value: string }[] }[])[0];
  survey = { id: s.id, key: q.key, value: q.kind === 'CHOICE' ? q.choices[0].value : 'Bra' };
});
afterAll(async () => {
  await demo?.stop();
});

/** A staff-recorded request for Anna of `type`, verified and completed (`lift` to lift it). */
async function complete(type: 'RESTRICTION' | 'OBJECTION', lift = false) {
  const { privacyRequestCreate: r } = await staff.ok(CREATE, { i: { email: ANNA, type } });
  await staff.ok(VERIFY, { id: r.id });
  await staff.ok(COMPLETE, { id: r.id, i: lift ? { lift: true } : {} });
}

const refusal = (res: GraphQLResponse) => ({
  code: errorCode(res),
  field: res.errors?.[0]?.extensions?.field,
  restriction: res.errors?.[0]?.extensions?.restriction,
});

const answerSurvey = () =>
  customer.gql(SURVEY_ANSWER, { s: survey.id, a: [{ questionKey: survey.key, value: survey.value }] });

const outboxTo = (email: string, template: string) =>
  sql(`select payload from outbox_messages where recipient = $1 and template = $2 order by created_at`, [
    email,
    template,
  ]);

async function deliveriesOf(type: string, key: string, id: string) {
  return sql(`select id from webhook_deliveries where event_type = $1 and payload->'data'->>$2 = $3`, [type, key, id]);
}

describe('P28: restriction of processing is honoured by every module', () => {
  let pixel: string;

  it('P28: before the restriction, marketing, tracking, surveys and webhooks process the person as usual', async () => {
    for (const purposeKey of ['newsletter', 'email_tracking'])
      await staff.ok(CONSENT, {
        i: { contactId: annaContact, purposeKey, channel: 'EMAIL', granted: true, ageConfirmed: true },
      });
    await staff.ok(SEND, {
      i: { purposeKey: 'newsletter', subjectSv: 'Hej', subjectEn: 'Hi', bodySv: 'Nytt', bodyEn: 'News' },
    });
    const [mail] = await outboxTo(ANNA, 'marketing.message');
    expect(mail.payload.pixel).toMatch(/\/t\/o\//);
    pixel = `${demo.url}/t/o/${String(mail.payload.pixel).split('/t/o/')[1]}`;
    expect((await fetch(pixel)).status).toBe(200);
    expect(await sql(`select id from tracking_events where email = $1`, [ANNA])).toHaveLength(1);
    expect(errorCode(await answerSurvey())).toBeUndefined();
  });

  it('P28: a restricted person is not marketed to, tracked, surveyed, sold to, moved or shared with processors; each refusal names the restriction', async () => {
    await complete('RESTRICTION');
    // The answer to their own request is legally required mail: it goes out.
    const answers = await outboxTo(ANNA, 'privacy.completed');
    expect(JSON.stringify(answers.at(-1)?.payload)).toContain('Behandlingen av dina uppgifter är nu begränsad');

    // Marketing: the gate refuses, with the reason in the audit trail.
    const sentBefore = (await outboxTo(ANNA, 'marketing.message')).length;
    const { marketingSend } = await staff.ok(SEND, {
      i: { purposeKey: 'newsletter', subjectSv: 'Hej', subjectEn: 'Hi', bodySv: 'Nytt', bodyEn: 'News' },
    });
    expect(marketingSend.refused).toBeGreaterThan(0);
    expect(await outboxTo(ANNA, 'marketing.message')).toHaveLength(sentBefore);
    const [audit] = await sql(
      `select detail->>'reason' as reason from audit_events where action = 'marketing.refused' and entity_id = $1
        order by created_at desc limit 1`,
      [annaContact],
    );
    expect(audit.reason).toBe('PROCESSING_RESTRICTED');
    // The campaign history: who was sent (with the opens recorded under consent) and who was refused, and why.
    const { marketingCampaigns } = await staff.ok(
      '{ marketingCampaigns(page: { take: 2 }) { totalCount nodes { purposeKey queued refused recipients { outcome reason contactName email opens } } } }',
    );
    const [latest, first] = marketingCampaigns.nodes;
    expect(latest.recipients).toContainEqual({
      outcome: 'REFUSED',
      reason: 'PROCESSING_RESTRICTED',
      contactName: 'Anna Ek',
      email: ANNA,
      opens: 0,
    });
    expect(latest.recipients.filter((r: { outcome: string }) => r.outcome === 'REFUSED')).toHaveLength(latest.refused);
    expect(first.recipients).toContainEqual({
      outcome: 'SENT',
      reason: null,
      contactName: 'Anna Ek',
      email: ANNA,
      opens: 1,
    });

    // Tracking: an open of mail sent before the restriction is no longer recorded.
    expect((await fetch(pixel)).status).toBe(200);
    expect(await sql(`select id from tracking_events where email = $1`, [ANNA])).toHaveLength(1);

    // Surveys: the portal refuses with the typed error; the public page keeps the answer anonymous.
    expect(refusal(await answerSurvey())).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'surveyId',
      restriction: 'PROCESSING_RESTRICTED',
    });
    const anonymousBefore = await sql(`select count(*)::int as n from survey_responses where email is null`);
    const publicAnswer = await new ApiClient(demo.url).gql(SURVEY_PUBLIC, {
      i: {
        agency: 'jj-media',
        surveyId: survey.id,
        email: ANNA,
        answers: [{ questionKey: survey.key, value: survey.value }],
      },
    });
    expect(publicAnswer.data).toEqual({ surveyAnswerPublic: true });
    const anonymousAfter = await sql(`select count(*)::int as n from survey_responses where email is null`);
    expect(anonymousAfter[0].n).toBe(anonymousBefore[0].n + 1);
    expect(
      await sql(
        `select id from survey_responses where (email = $1 or contact_id = $2) and created_at > now() - interval '1 minute' and channel = 'PUBLIC'`,
        [ANNA, annaContact],
      ),
    ).toHaveLength(0);

    // A new order in their name (the portal's checkout).
    const [pkg] = await sql(
      `select p.id from service_packages p join tenants t on t.id = p.tenant_id where t.slug = 'jj-media' and p.name_en = 'Plus'`,
    );
    const order = await customer.gql(CHECKOUT, {
      i: { packageId: pkg.id, interval: 'MONTHLY', currency: 'SEK', provider: 'STRIPE' },
    });
    expect(refusal(order)).toEqual({ code: 'BAD_USER_INPUT', field: 'buyer', restriction: 'PROCESSING_RESTRICTED' });

    // Moving them to another customer.
    expect(refusal(await staff.gql(MOVE, { id: annaContact, c: otherCustomer }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'id',
      restriction: 'PROCESSING_RESTRICTED',
    });
    expect((await sql(`select customer_id from contacts where id = $1`, [annaContact]))[0].customer_id).toBe(
      annaCustomer,
    );

    // Outgoing webhooks: an event about the restricted person is withheld; another's still goes.
    await staff.ok('mutation($i: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $i) { secret } }', {
      i: { url: 'http://127.0.0.1:9/hook', events: ['ticket.created'] },
    });
    const { supportTicketCreate: mine } = await customer.ok(TICKET, { i: { subject: 'Fråga', body: 'Hur går det?' } });
    const { supportTicketCreate: theirs } = await staff.ok(TICKET, {
      i: { subject: 'Fråga', body: 'Hur går det?', customerId: otherCustomer, contactId: otherContact },
    });
    expect(await deliveriesOf('ticket.created', 'ticketId', theirs.id)).toHaveLength(1);
    expect(await deliveriesOf('ticket.created', 'ticketId', mine.id)).toHaveLength(0);

    // Reading still works: the person their own data, staff the contact with its restriction.
    const { me } = await customer.ok('{ me { contact { name email } } }');
    expect(me.contact.email).toBe(ANNA);
    const { contact } = await staff.ok('query($id: UUID!) { contact(id: $id) { email processingRestrictedAt } }', {
      id: annaContact,
    });
    expect(contact.processingRestrictedAt).not.toBeNull();
  });

  it('P28: lifting the restriction is audited, the person is told (Art. 18(3)), and processing resumes', async () => {
    const toldBefore = (await outboxTo(ANNA, 'privacy.completed')).length;
    await complete('RESTRICTION', true);
    const told = await outboxTo(ANNA, 'privacy.completed');
    expect(told).toHaveLength(toldBefore + 1);
    expect(JSON.stringify(told.at(-1)?.payload)).toContain('Begränsningen är hävd');
    expect(
      await sql(
        `select id from audit_events where action = 'privacy_request.complete' and detail->>'type' = 'RESTRICTION'`,
      ),
    ).not.toHaveLength(0);
    expect(errorCode(await answerSurvey())).toBeUndefined();
  });
});

describe('P28: an objection stops legitimate-interest purposes and marketing', () => {
  it('P28: the purposes say which an objection stops (legitimate interest or direct marketing)', async () => {
    const { processingPurposes } = await staff.ok(
      '{ processingPurposes { key legalBasis directMarketing stoppedByObjection } }',
    );
    const stopped = Object.fromEntries(
      processingPurposes.map((p: { key: string; stoppedByObjection: boolean }) => [p.key, p.stoppedByObjection]),
    );
    expect(stopped).toEqual({
      analytics: false,
      email_tracking: true,
      newsletter: true,
      profiling: true,
      service_delivery: false,
      surveys: true,
      targeted_ads: true,
    });
    expect(processingPurposes.find((p: { key: string }) => p.key === 'surveys').legalBasis).toBe('LEGITIMATE_INTEREST');
  });

  it('P28: after an objection the survey (legitimate interest) and marketing are refused; the contract goes on', async () => {
    await complete('OBJECTION');
    expect(refusal(await answerSurvey())).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'surveyId',
      restriction: 'OBJECTED',
    });
    await staff.ok(SEND, {
      i: { purposeKey: 'newsletter', subjectSv: 'Hej', subjectEn: 'Hi', bodySv: 'Nytt', bodyEn: 'News' },
    });
    const [audit] = await sql(
      `select detail->>'reason' as reason from audit_events where action = 'marketing.refused' and entity_id = $1
        order by created_at desc limit 1`,
      [annaContact],
    );
    expect(audit.reason).toBe('MARKETING_OBJECTED');
    // Service delivery rests on the contract: an objection does not stop it (a move is allowed, and back).
    await staff.ok(MOVE, { id: annaContact, c: otherCustomer });
    const { contactMove } = await staff.ok(MOVE, { id: annaContact, c: annaCustomer });
    expect(contactMove.customer.id).toBe(annaCustomer);
    expect(
      await sql(`select id from audit_events where action = 'contact.move' and entity_id = $1`, [annaContact]),
    ).toHaveLength(2);
    // An admin who makes service delivery a legitimate interest makes the objection stop it too.
    const [{ id: delivery }] = await sql(
      `select p.id from processing_purposes p join tenants t on t.id = p.tenant_id where t.slug = 'jj-media' and p.key = 'service_delivery'`,
    );
    const { processingPurposeUpdate } = await staff.ok(
      'mutation($id: UUID!, $i: ProcessingPurposeUpdateInput!) { processingPurposeUpdate(id: $id, input: $i) { legalBasis stoppedByObjection } }',
      { id: delivery, i: { legalBasis: 'LEGITIMATE_INTEREST' } },
    );
    expect(processingPurposeUpdate).toEqual({ legalBasis: 'LEGITIMATE_INTEREST', stoppedByObjection: true });
    expect(refusal(await staff.gql(MOVE, { id: annaContact, c: otherCustomer }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'id',
      restriction: 'OBJECTED',
    });
    await staff.ok(
      'mutation($id: UUID!, $i: ProcessingPurposeUpdateInput!) { processingPurposeUpdate(id: $id, input: $i) { legalBasis } }',
      { id: delivery, i: { legalBasis: 'CONTRACT' } },
    );
    await complete('OBJECTION', true);
    expect(errorCode(await answerSurvey())).toBeUndefined();
  });
});
