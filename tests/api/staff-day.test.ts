// Issue 25 items 9 and 10 through the API: the users list's `staff` filter (who can take a ticket,
// in one request), and an invitation that says whether its mail is queued and, outside production,
// gives its link to admins and employees only on the answer to the invitation itself.
import { as, errorCode } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';

let demo: DemoApp;
beforeAll(async () => {
  demo = await startDemoApp();
});
afterAll(() => demo?.stop());

describe('issue 25: staff lists and invitations', () => {
  it('M19: users(filter: { staff: true }) lists admins and employees only; staff: false the others', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const all = await admin.ok(`query AllUsers { users(page: { take: 100 }) { nodes { id role } } }`);
    const staff = await admin.ok(
      `query StaffUsers { users(filter: { staff: true }, page: { take: 100 }) { nodes { id role } } }`,
    );
    const others = await admin.ok(
      `query OtherUsers { users(filter: { staff: false }, page: { take: 100 }) { nodes { id role } } }`,
    );
    const roles = (list: { nodes: { role: string }[] }) => new Set(list.nodes.map((u) => u.role));
    expect([...roles(staff.users)].sort()).toEqual(['ADMIN', 'EMPLOYEE']);
    expect([...roles(others.users)].filter((r) => r === 'ADMIN' || r === 'EMPLOYEE')).toEqual([]);
    expect(staff.users.nodes.length + others.users.nodes.length).toBe(all.users.nodes.length);
    const both = await admin.ok(
      `query StaffAdmins { users(filter: { staff: true, role: ADMIN }, page: { take: 100 }) { nodes { role } } }`,
    );
    expect([...roles(both.users)]).toEqual(['ADMIN']);
  });

  it('M19: an invitation without SMTP says it is queued and, in development, gives its link; reads later give neither', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const { userInvite } = await admin.ok(
      `mutation InviteOne($input: UserInviteInput!) { userInvite(input: $input) { id invitationQueued invitationLink } }`,
      { input: { email: 'koad@jj-media.example.com', name: 'Köad Person', role: 'EMPLOYEE', preferredLanguage: 'sv' } },
    );
    expect(userInvite.invitationQueued).toBe(true);
    expect(userInvite.invitationLink).toMatch(/\/#\/invitation\/[^/]+$/);
    const { user } = await admin.ok(
      `query InvitedLater($id: UUID!) { user(id: $id) { invitationQueued invitationLink } }`,
      {
        id: userInvite.id,
      },
    );
    expect(user).toEqual({ invitationQueued: null, invitationLink: null });
  });

  it('M19: contractors and customers may not read the invitation fields (FORBIDDEN)', async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const res = await customer.gql(`query MeInvitation { me { user { invitationLink } } }`);
    expect(errorCode(res)).toBe('FORBIDDEN');
  });
});
