// The network boundary of component tests: `fetch` answered by a function of the GraphQL request,
// recording every request, so a test sees exactly what the dashboard would send to /graphql.
export interface GraphQLCall {
  operationName?: string;
  query: string;
  variables: Record<string, unknown>;
}

export type GraphQLAnswer =
  { data: unknown } | { errors: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown };

import { type FieldNode, Kind, type OperationDefinitionNode, parse, type SelectionSetNode } from 'graphql';

/**
 * Fills what a test's answer leaves out with null, field by field as the query selects it, the way
 * the API answers a nullable field: Apollo's cache then has every field it asked for.
 */
function complete(value: unknown, selectionSet: SelectionSetNode | undefined): unknown {
  if (!selectionSet || value == null) return value;
  if (Array.isArray(value)) return value.map((item) => complete(item, selectionSet));
  const object = { ...(value as Record<string, unknown>) };
  for (const node of selectionSet.selections) {
    if (node.kind !== Kind.FIELD) continue;
    const key = (node as FieldNode).alias?.value ?? node.name.value;
    object[key] = complete(object[key] ?? null, node.selectionSet);
  }
  return object;
}

export function fakeApi(answer: (call: GraphQLCall) => GraphQLAnswer | Promise<GraphQLAnswer>) {
  const calls: GraphQLCall[] = [];
  const fetch = jest.fn(async (_url: unknown, init?: { body?: unknown }) => {
    const call = JSON.parse(String(init?.body)) as GraphQLCall;
    calls.push(call);
    const answered = await answer(call);
    const operation = parse(call.query).definitions[0] as OperationDefinitionNode;
    const body = JSON.stringify(
      'errors' in answered ? answered : { data: complete(answered.data, operation.selectionSet) },
    );
    // What Apollo's HttpLink and graphqlRequest read of a Response.
    return {
      ok: true,
      status: 200,
      headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) },
      text: async () => body,
      json: async () => JSON.parse(body) as unknown,
    };
  });
  Object.assign(globalThis, { fetch });
  return { calls, fetch };
}

/** A BAD_USER_INPUT answer as the API sends it for one field. */
export const badInput = (field: string, message: string): GraphQLAnswer => ({
  errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field } }],
  data: null,
});
