// S28: the server killed with SIGKILL in the middle of writes. Every write is one transaction, so
// nothing is half-written: no ticket without its first message, no privacy request without its
// receipt in the outbox. Every write the server acknowledged is there; restarted on the same
// database, it serves the same sessions again.
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { startSitecareProcess, type SitecareProcess } from '../support/sitecare-process';

// `pnpm test:faults` (SITECARE_FAULTS=full): several kill/restart rounds on the same database.
const ROUNDS = process.env.SITECARE_FAULTS === 'full' ? 4 : 1;

let demo: DemoApp;
let restarted: SitecareProcess | undefined;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

beforeAll(async () => {
  demo = await startDemoApp();
}, 60_000);
afterAll(async () => {
  await restarted?.stop();
  await demo?.stop();
});

const TICKET = 'mutation($i: SupportTicketInput!) { supportTicketCreate(input: $i) { id } }';
const REQUEST = 'mutation($i: PrivacyRequestPortalInput!) { privacyRequestFile(input: $i) { id } }';

/** Eight writers on `client`; the server is killed 1.5 s in; then nothing is half-written and all acknowledged is there. */
async function killDuringWrites(server: SitecareProcess, anna: ApiClient, round: number): Promise<void> {
  const acknowledged = { tickets: new Set<string>(), requests: new Set<string>() };
  let stop = false;
  const writer = async (n: number) => {
    for (let i = 0; !stop; i++) {
      try {
        if (i % 3 === 2) {
          const res = await anna.gql(REQUEST, { i: { type: 'RESTRICTION', details: `crash ${round}.${n}.${i}` } });
          if (res.data?.privacyRequestFile) acknowledged.requests.add(res.data.privacyRequestFile.id);
        } else {
          const res = await anna.gql(TICKET, {
            i: { subject: `Krasch ${round}.${n}.${i}`, body: `Meddelande ${n}.${i}` },
          });
          if (res.data?.supportTicketCreate) acknowledged.tickets.add(res.data.supportTicketCreate.id);
        }
      } catch {
        return; // the server is gone
      }
    }
  };
  const writers = Array.from({ length: 8 }, (_, n) => writer(n));
  await new Promise((r) => setTimeout(r, 1500));
  server.child.kill('SIGKILL');
  stop = true;
  await Promise.all(writers);
  expect(acknowledged.tickets.size).toBeGreaterThan(0);

  // Nothing half-written: every ticket has its first message, every request its receipt.
  const orphans = await sql(
    `select t.id from support_tickets t where not exists (select 1 from ticket_messages m where m.ticket_id = t.id)`,
  );
  expect(orphans).toEqual([]);
  const unreceipted = await sql(
    `select r.id from privacy_requests r where r.details like 'crash %' and not exists
         (select 1 from outbox_messages o where o.template = 'privacy.received' and o.recipient = r.requester_email
            and o.created_at >= r.created_at - interval '1 second')`,
  );
  expect(unreceipted).toEqual([]);
  // Every acknowledged write is there.
  const tickets = new Set(
    (await sql<{ id: string }>(`select id from support_tickets where subject like 'Krasch %'`)).map((r) => r.id),
  );
  for (const id of acknowledged.tickets) expect(tickets.has(id)).toBe(true);
  const requests = new Set(
    (await sql<{ id: string }>(`select id from privacy_requests where details like 'crash %'`)).map((r) => r.id),
  );
  for (const id of acknowledged.requests) expect(requests.has(id)).toBe(true);
  console.log(
    `S28 round ${round}: ${acknowledged.tickets.size} tickets and ${acknowledged.requests.size} requests acknowledged before the kill; ` +
      `${tickets.size} and ${requests.size} found after it, none half-written`,
  );
}

describe('S28: killed in the middle of writes', () => {
  it(
    'S28: after SIGKILL nothing is half-written, every acknowledged write is there, and a restart serves again',
    async () => {
      const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
      let server: SitecareProcess = demo.app;
      for (let round = 1; round <= ROUNDS; round++) {
        const client = new ApiClient(server.url);
        client.cookie = anna.cookie;
        await killDuringWrites(server, client, round);
        // Restarted on the same database, it serves again, with the same session.
        restarted = await startSitecareProcess({ ...demo.db.env, SITECARE_DEMO: 'true', PORT: '0' });
        server = restarted;
        const again = new ApiClient(restarted.url);
        again.cookie = anna.cookie;
        const { me } = await again.ok('{ me { user { email } } }');
        expect(me.user.email).toBe('anna@bageriet.example.com');
      }
    },
    60_000 + ROUNDS * 60_000,
  );
});
