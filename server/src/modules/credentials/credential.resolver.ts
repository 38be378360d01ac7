import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { UUID } from '../../graphql/scalars';
import { SiteCredentialInput, SiteCredentialUpdateInput } from './credential.inputs';
import * as credentials from './credential.service';
import { SiteCredential } from './site-credential.entity';

@ObjectType({ description: 'A revealed secret: show it briefly, never store it in the client.' })
class RevealedSecret {
  @Field()
  secret!: string;

  @Field()
  revealedAt!: Date;
}

@Resolver(() => SiteCredential)
export class SiteCredentialResolver {
  @Mutation(() => SiteCredential)
  siteCredentialCreate(@Arg('input') input: SiteCredentialInput, @Ctx() ctx: RequestContext): Promise<SiteCredential> {
    return credentials.createCredential(ctx, input);
  }

  @Mutation(() => SiteCredential)
  siteCredentialUpdate(
    @Arg('id', () => UUID) id: string,
    @Arg('input') input: SiteCredentialUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SiteCredential> {
    return credentials.updateCredential(ctx, id, input);
  }

  @Mutation(() => Boolean)
  siteCredentialDelete(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return credentials.deleteCredential(ctx, id);
  }

  @Mutation(() => RevealedSecret, { description: 'Returns one secret to an authorised viewer; every call is audited.' })
  siteCredentialReveal(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<RevealedSecret> {
    return credentials.revealCredential(ctx, id);
  }
}
