// Limits checked before any resolver runs (S1, S2, S3): depth, aliases, tokens and directives
// (graphql-armor), a cost that counts the rows a list can return (graphql-query-complexity), and no
// "Did you mean" suggestions that would map the schema for an attacker.
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLSchema } from 'graphql';
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

/** A list field costs its children once per row it may return: `page.take`, or the default page. */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const page = args.page as { take?: number } | undefined;
  if (!page && !('page' in args)) return undefined; // not a paginated field: next estimator
  // A take beyond the bound is refused by validation (naming the field), so count at most the bound here.
  return 1 + childComplexity * Math.min(page?.take ?? 25, LIMITS.maxPageSize);
};

export function costLimitPlugin(schema: GraphQLSchema): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName,
            variables: request.variables,
            estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
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
