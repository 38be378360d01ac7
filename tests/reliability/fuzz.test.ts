// S30: property-based fuzzing of the whole API from the committed SDL (fast-check). Every query and
// mutation gets generated variables, well-formed or not (wrong types, huge and unicode strings, nulls,
// negative and enormous numbers, deep and odd inputs), as an anonymous visitor and as each role.
// No answer may be an internal error, and the server must still be healthy afterwards.
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import { ApiClient, as } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { callFor, operations, sample } from '../support/schema-calls';

let demo: DemoApp;
let clients: ApiClient[];

beforeAll(async () => {
  demo = await startDemoApp();
  clients = [
    new ApiClient(demo.url),
    await as(demo.url, 'jj-media', 'CUSTOMER'),
    await as(demo.url, 'jj-media', 'CONTRACTOR'),
    await as(demo.url, 'jj-media', 'EMPLOYEE'),
    await as(demo.url, 'jj-media', 'ADMIN'),
  ];
}, 60_000);
afterAll(() => demo?.stop());

/** Anything a client could send where a value of `type` is expected. */
function valueOf(type: GraphQLInputType, name: string, depth: number): fc.Arbitrary<unknown> {
  const hostile = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string({ maxLength: 50 }),
    fc.string({ unit: 'grapheme', maxLength: 50 }),
    fc.constant('x'.repeat(20_000)),
    fc.constant('\u0000\uFFFF\u202E<script>'),
    fc.constant({ nested: { deeper: [1, 2, 3] } }),
  );
  const valid = fc.constant(sample(type, name));
  if (isNonNullType(type)) return fc.oneof({ weight: 3, arbitrary: valueOf(type.ofType, name, depth) }, hostile);
  if (isListType(type))
    return fc.oneof(fc.array(valueOf(type.ofType, name, depth + 1), { maxLength: depth > 2 ? 1 : 4 }), hostile);
  const named = getNamedType(type);
  if (isInputObjectType(named) && depth < 4) {
    const fields = Object.values(named.getFields());
    const record = fc.record(Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, f.name, depth + 1)])), {
      requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
    });
    return fc.oneof({ weight: 3, arbitrary: record }, valid, hostile);
  }
  if (isEnumType(named)) return fc.oneof(fc.constantFrom(...named.getValues().map((v) => v.value)), hostile);
  if (isScalarType(named)) {
    const numbers = fc.oneof(
      fc.integer(),
      fc.constantFrom(-1, 0, 2 ** 31 - 1, -(2 ** 31), 2 ** 53, Number.MAX_SAFE_INTEGER),
      fc.double(),
    );
    return fc.oneof({ weight: 2, arbitrary: valid }, numbers, hostile);
  }
  return hostile;
}

// Logging out would end the fuzzer's own sessions; everything else is fair game.
const fuzzed = operations.filter((o) => o.field.name !== 'logout');

describe('S30: what the fuzzer found, pinned', () => {
  // Before the fuzzer: it may disable these logins or change their passwords.
  it('S30: an explicit null for an optional argument means "left out"; a NUL character is refused naming the field', async () => {
    const employee = clients[3];
    const { orders } = await employee.ok('{ orders(page: null, filter: null) { totalCount } }');
    expect(orders.totalCount).toBeGreaterThan(0);
    const res = await clients[0].gql('mutation($i: NewsletterSubscribeInput!) { newsletterSubscribe(input: $i) }', {
      i: {
        agency: 'jj-media',
        email: 'nul\u0000@example.com',
        preferredLanguage: 'sv',
        ageConfirmed: true,
        consentText: 'Ja',
      },
    });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });
});

describe('S30: fuzzed operations against a running server', () => {
  it('S30: no generated call gets an internal error, and the server stays healthy', async () => {
    let runs = 0;
    const call = fc.oneof(
      ...fuzzed.map((operation) =>
        fc.record({
          operation: fc.constant(operation),
          client: fc.nat({ max: 4 }),
          variables: fc.record(
            Object.fromEntries(operation.field.args.map((a) => [a.name, valueOf(a.type, a.name, 0)])),
          ),
        }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(call, async ({ operation, client, variables }) => {
        runs++;
        const { query } = callFor(operation);
        const res = await clients[client].gql(query, variables);
        const internal = (res.errors ?? []).filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
        if (internal.length)
          throw new Error(`${operation.coordinate}: internal error for ${JSON.stringify(variables).slice(0, 300)}`);
      }),
      { numRuns: 2000, seed: 20261125, endOnFailure: true },
    );
    console.log(`S30: ${runs} fuzzed calls over ${fuzzed.length} operations`);
    expect((await fetch(`${demo.url}/healthz`)).status).toBe(200);
  }, 300_000);
});
