// Every resolver class of the API; a module adds its resolver here.
import type { NonEmptyArray } from 'type-graphql';
import { HealthResolver } from '../modules/health/health.resolver';

export const resolvers: NonEmptyArray<Function> = [HealthResolver];
