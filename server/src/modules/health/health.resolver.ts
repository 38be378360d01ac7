import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { checkDatabase, SITECARE_VERSION } from './health.service';

@ObjectType({ description: 'Whether the API and its database answer.' })
export class Health {
  @Field({ description: '"ok" when every part answers.' })
  status!: string;

  @Field({ description: '"ok", or "unavailable" when PostgreSQL does not answer.' })
  database!: string;

  @Field()
  version!: string;
}

@Resolver()
export class HealthResolver {
  @Query(() => Health)
  async health(@Ctx() ctx: RequestContext): Promise<Health> {
    const database = (await checkDatabase(ctx.em)) ? 'ok' : 'unavailable';
    return { status: database === 'ok' ? 'ok' : 'degraded', database, version: SITECARE_VERSION };
  }
}
