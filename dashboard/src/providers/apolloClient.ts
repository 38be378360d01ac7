// The one Apollo Client of the dashboard: the data provider and custom pages share its cache.
// It loads only after login (with the first page that needs it), never on the login page.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, Observable, type FetchResult } from '@apollo/client';

import { onSessionEnd } from './authProvider';

// Apollo Server answers 400 when variables do not fit the schema (an invalid UUID, say), with
// the usual `errors` in the body; Apollo Client would report that as a bare network error. Pass
// the body on as GraphQL errors, so callers see the code and message like any other error.
const httpErrorsAsGraphQLErrors = new ApolloLink(
  (operation, forward) =>
    new Observable<FetchResult>((observer) => {
      const subscription = forward(operation).subscribe({
        next: (result) => observer.next(result),
        complete: () => observer.complete(),
        error: (error: { result?: unknown }) => {
          const body = error?.result as FetchResult | undefined;
          if (body && typeof body === 'object' && Array.isArray(body.errors) && body.errors.length) {
            observer.next({ errors: body.errors, data: body.data ?? null });
            observer.complete();
          } else {
            observer.error(error);
          }
        },
      });
      return () => subscription.unsubscribe();
    }),
);

export const apolloClient = new ApolloClient({
  // Same origin as the dashboard (Vite proxies it in development); the session cookie rides along.
  link: ApolloLink.from([httpErrorsAsGraphQLErrors, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]),
  cache: new InMemoryCache(),
});

// The next person to log in on this page must not see the last one's cached data.
onSessionEnd(() => apolloClient.clearStore());
