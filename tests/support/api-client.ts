// A GraphQL client over real HTTP that keeps the session cookie, like a browser would.
import { DEMO_PASSWORD, demoTenants, type DemoRole } from '@sitecare/seeds';

export interface GraphQLErrorShape {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; field?: string; requestId?: string; [key: string]: unknown };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorShape[];
  headers: Headers;
}

export class ApiClient {
  cookie: string | undefined;

  /** `userAgent`: the browser this client claims to be (issue 20's session list and new-browser mail). */
  constructor(
    readonly baseUrl: string,
    readonly userAgent?: string,
  ) {}

  async gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.userAgent ? { 'user-agent': this.userAgent } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    this.keepCookie(res.headers);
    const body = (await res.json()) as { data?: T; errors?: GraphQLErrorShape[] };
    return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
  }

  /** Like gql, but fails the test on any error. */
  async ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await this.gql<T>(query, variables);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }

  keepCookie(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair.split('=');
      if (name !== 'sc_session') continue;
      this.cookie = value ? `sc_session=${value}` : undefined;
    }
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<GraphQLResponse> {
    return this.gql(
      'mutation($input: LoginInput!) { login(input: $input) { role user { id email } tenant { id slug } } }',
      { input: { email, password } },
    );
  }
}

export function demoEmail(tenantSlug: string, role: DemoRole): string {
  const tenant = demoTenants.find((t) => t.slug === tenantSlug)!;
  return tenant.users.find((u) => u.role === role)!.email;
}

/** A client logged in as the demo user with `role` in the agency `tenantSlug`. */
export async function as(baseUrl: string, tenantSlug: string, role: DemoRole): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const res = await client.login(demoEmail(tenantSlug, role));
  if (res.errors) throw new Error(`login as ${role}@${tenantSlug} failed: ${JSON.stringify(res.errors)}`);
  return client;
}

export const errorCode = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;

/** The error without its request id: two answers that must not differ can be compared whole. */
export const withoutRequestIds = (res: GraphQLResponse) =>
  res.errors?.map(({ extensions, ...rest }) => {
    const { requestId: _requestId, ...ext } = extensions ?? {};
    return { ...rest, extensions: ext };
  });
