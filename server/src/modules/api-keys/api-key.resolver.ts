import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { UUID } from '../../graphql/scalars';
import { ApiKey } from './api-key.entity';
import { ApiKeyCreated, ApiKeyCreateInput } from './api-key.inputs';
import { createApiKey, listApiKeys, revokeApiKey } from './api-key.service';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => [ApiKey], { description: "The agency's API keys, newest first (admins); revoked ones included." })
  apiKeys(@Ctx() ctx: RequestContext): Promise<ApiKey[]> {
    return listApiKeys(ctx);
  }

  @Mutation(() => ApiKeyCreated, { description: 'Makes an API key (admins): the key is in the answer, this once.' })
  apiKeyCreate(@Arg('input') input: ApiKeyCreateInput, @Ctx() ctx: RequestContext): Promise<ApiKeyCreated> {
    return createApiKey(ctx, input);
  }

  @Mutation(() => ApiKey, { description: 'Revokes an API key (admins): it stops working at once.' })
  apiKeyRevoke(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<ApiKey> {
    return revokeApiKey(ctx, id);
  }
}
