import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { byIdLoader } from '../../graphql/loaders';
import { ListOf } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { Contact } from '../customers/contact.entity';
import { User } from '../users/user.entity';
import { Disclosure } from './disclosure.entity';
import { DisclosureInput, DisclosureListArgs } from './disclosure.inputs';
import * as disclosures from './disclosure.service';

const DisclosureList = ListOf(Disclosure, 'Disclosure');

/** P23: the disclosure log. */
@Resolver(() => Disclosure)
export class DisclosureResolver {
  @Query(() => DisclosureList, { description: 'Disclosures to authorities and courts, newest first.' })
  disclosures(@Args(() => DisclosureListArgs) { filter, page }: DisclosureListArgs, @Ctx() ctx: RequestContext) {
    return disclosures.listDisclosures(ctx, filter, page);
  }

  @Query(() => Disclosure)
  disclosure(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<Disclosure> {
    return disclosures.getDisclosure(ctx, id);
  }

  @Mutation(() => Disclosure)
  disclosureCreate(@Arg('input') input: DisclosureInput, @Ctx() ctx: RequestContext): Promise<Disclosure> {
    return disclosures.recordDisclosure(ctx, input);
  }

  @FieldResolver(() => User, { nullable: true })
  disclosedBy(@Root() d: Disclosure, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return d.disclosedBy ? byIdLoader(ctx, User).load(d.disclosedBy.id) : null;
  }

  @FieldResolver(() => Contact, { nullable: true })
  contact(@Root() d: Disclosure, @Ctx() ctx: RequestContext): Promise<Contact | null> | null {
    return d.contact ? byIdLoader(ctx, Contact).load(d.contact.id) : null;
  }
}
