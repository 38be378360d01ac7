// S15 at run time: for every operation in the SDL and every role (and no login), the server's answer
// agrees with the permission matrix: refused exactly where the matrix says so.
import { PERMISSIONS, ROLES, mayReach, type Role } from '@sitecare/schema';
import { ApiClient, as, errorCode } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { callFor, operations } from '../support/schema-calls';

let demo: DemoApp;
const clients = new Map<Role | 'anonymous', ApiClient>();
beforeAll(async () => {
  demo = await startDemoApp();
  clients.set('anonymous', new ApiClient(demo.url));
  for (const role of ROLES) clients.set(role, await as(demo.url, 'jj-media', role));
});
afterAll(() => demo?.stop());

describe('S15: the server enforces the matrix for every operation and role', () => {
  for (const operation of operations) {
    const { coordinate } = operation;
    const permission = (PERMISSIONS as Record<string, { audience: Parameters<typeof mayReach>[0] }>)[coordinate];
    // PUBLIC operations admit everyone; logging out or logging in would change the clients' sessions.
    if (!permission || permission.audience === 'PUBLIC' || coordinate === 'Mutation.logout') continue;
    it(`S15: ${coordinate}`, async () => {
      for (const [who, client] of clients) {
        const allowed = mayReach(permission.audience, who === 'anonymous' ? undefined : who);
        const { query, variables } = callFor(operation);
        const code = errorCode(await client.gql(query, variables));
        const refusal = who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
        if (allowed) expect({ who, code }).not.toEqual({ who, code: refusal });
        else expect({ who, code }).toEqual({ who, code: refusal });
      }
    });
  }

  it('S15: logout requires a login', async () => {
    expect(errorCode(await new ApiClient(demo.url).gql('mutation { logout }'))).toBe('UNAUTHENTICATED');
  });
});
