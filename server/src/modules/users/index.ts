import type { SitecareModule } from '../../system/module';
import { User } from './user.entity';
import { UserResolver } from './user.resolver';
import { usersSource } from '../../privacy/sources/people';
import { userSeed } from './user.seed';

export const usersModule: SitecareModule = {
  name: 'users',
  entities: [User],
  resolvers: [UserResolver],
  personalData: [usersSource],
  seed: userSeed, // its part of the demo data
};
