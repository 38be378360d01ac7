import type { SitecareModule } from '../../system/module';
import { WebsiteResolver } from './website.resolver';

/**
 * Issue 21: the agency's own website (S37): its allow-list of origins; the CORS endpoint of the public
 * operations is mounted by http.ts (cors.ts: `websiteGraphql`), in front of the same Apollo server.
 */
export const websiteModule: SitecareModule = {
  name: 'website',
  resolvers: [WebsiteResolver],
};
