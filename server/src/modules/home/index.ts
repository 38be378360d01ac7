import type { SitecareModule } from '../../system/module';
import { HomeResolver } from './home.resolver';

/** Issue 25: the staff home page's summary (no tables of its own: it reads the other modules' lists). */
export const homeModule: SitecareModule = {
  name: 'home',
  resolvers: [HomeResolver],
};
