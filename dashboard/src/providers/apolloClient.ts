// The one Apollo Client of the dashboard: the data provider and custom pages share its cache.
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

export const apolloClient = new ApolloClient({
  // Same origin as the dashboard (Vite proxies it in development); the session cookie rides along.
  link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
  cache: new InMemoryCache(),
});
