// Limits checked before any resolver runs (S1, S2, S3): depth, aliases, tokens and directives
// (graphql-armor), field duplication (our rule: graphql-armor has none), a cost that counts the rows a
// list can return (graphql-query-complexity), and no "Did you mean" suggestions that would map the
// schema for an attacker.
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, visit, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { RequestContext } from './context';
import { LIMITS } from './limits';

export function armorProtection() {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, exposeLimits: true, ignoreIntrospection: true },
    maxAliases: { n: LIMITS.maxAliases, exposeLimits: true },
    maxTokens: { n: LIMITS.maxTokens, exposeLimits: true },
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits: true },
    costLimit: { enabled: false }, // replaced by the row-aware cost below
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

/**
 * Field duplication (`{ a a a … }` hundreds of times, or the same fragment spread over and over) costs
 * the server in validation and merging while returning nothing new: a selection set may name the same
 * response key or fragment at most LIMITS.maxFieldRepeats times.
 */
export const fieldRepeatLimit: ValidationRule = (context) => ({
  SelectionSet(node) {
    const seen = new Map<string, number>();
    for (const selection of node.selections) {
      const key =
        selection.kind === Kind.FIELD
          ? (selection.alias ?? selection.name).value
          : selection.kind === Kind.FRAGMENT_SPREAD
            ? `...${selection.name.value}`
            : undefined;
      if (!key) continue;
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      if (count === LIMITS.maxFieldRepeats + 1) {
        context.reportError(
          new GraphQLError(`Field repeat limit of ${LIMITS.maxFieldRepeats} exceeded for "${key}".`, {
            nodes: [selection],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', maxFieldRepeats: LIMITS.maxFieldRepeats },
          }),
        );
      }
    }
  },
});

/** A list field costs its children once per row it may return: `page.take`, or the default page. */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const page = args.page as { take?: number } | undefined;
  if (!page && !('page' in args)) return undefined; // not a paginated field: next estimator
  // A take beyond the bound is refused by validation (naming the field), so count at most the bound here.
  return 1 + childComplexity * Math.min(page?.take ?? 25, LIMITS.maxPageSize);
};

/** The variables a document uses inside `page` arguments: the only values the cost depends on. */
function pageVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (node.name.value !== 'page') return;
      visit(node.value, { Variable: (variable) => void names.add(variable.name.value) });
    },
  });
  return [...names];
}

/** Costs computed per document (Apollo caches parsed documents) and page variables, at most this many each. */
const COSTS_PER_DOCUMENT = 100;

/** A document's cost for its page variables, computed once per document and set of page values. */
export class QueryCosts {
  private readonly known = new WeakMap<DocumentNode, { variables: string[]; costs: Map<string, number> }>();
  constructor(private readonly schema: GraphQLSchema) {}

  of(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number {
    let entry = this.known.get(document);
    if (!entry) this.known.set(document, (entry = { variables: pageVariables(document), costs: new Map() }));
    const key = JSON.stringify([operationName ?? null, ...entry.variables.map((name) => variables[name] ?? null)]);
    let cost = entry.costs.get(key);
    if (cost === undefined) {
      cost = getComplexity({
        schema: this.schema,
        query: document,
        operationName,
        variables,
        estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
      });
      if (entry.costs.size >= COSTS_PER_DOCUMENT) entry.costs.clear();
      entry.costs.set(key, cost);
    }
    return cost;
  }
}

export function costLimitPlugin(costs: QueryCosts): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // A name that matches no operation (`operationName: ""`): graphql-js refuses it (a 400).
          if (!operation) return;
          let cost: number;
          try {
            cost = costs.of(document, request.operationName, request.variables ?? {});
          } catch (error) {
            // Variables the schema rejects (the cost is computed from them, so they are met here
            // first): the client's input, a 400 like every other refused input.
            if (!(error instanceof GraphQLError)) throw error;
            throw new GraphQLError(error.message, {
              nodes: error.nodes,
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          if (cost > LIMITS.maxCost) {
            throw new GraphQLError(`Query cost limit of ${LIMITS.maxCost} exceeded, found ${cost}.`, {
              extensions: { code: 'BAD_USER_INPUT', cost, maxCost: LIMITS.maxCost },
            });
          }
        },
      };
    },
  };
}
