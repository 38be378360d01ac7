import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { ListOf, PageInput } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { CredentialAccess, credentialAccess } from '../audit/data-access';
import { SiteCredential } from '../credentials/site-credential.entity';
import { credentialsBySite } from '../credentials/credential.loaders';
import { Customer } from '../customers/customer.entity';
import { ServicePackage } from '../packages/service-package.entity';
import { User } from '../users/user.entity';
import { readMany, readOne } from '../../graphql/sql/reads';
import { SiteAssignment } from './site-assignment.entity';
import { SiteBackup } from './site-backup.entity';
import { Site } from './site.entity';
import { SiteAssignmentInput, SiteInput, SiteListArgs, SiteSort } from './site.inputs';
import * as sites from './site.service';

const SiteList = ListOf(Site, 'Site');
type SiteList = InstanceType<typeof SiteList>;

@Resolver(() => Site)
export class SiteResolver {
  @Query(() => SiteList, {
    description: "Sites in the viewer's scope: all (staff), assigned (contractors), own (customers).",
  })
  sites(@Args(() => SiteListArgs) args: SiteListArgs, @Ctx() ctx: RequestContext): Promise<SiteList> {
    return sites.listSites(ctx, args.filter, args.sort ?? new SiteSort(), args.page ?? new PageInput());
  }

  @Query(() => Site)
  site(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<Site> {
    return sites.getSite(ctx, id);
  }

  @FieldResolver(() => Customer)
  customer(@Root() site: Site, @Ctx() ctx: RequestContext): Promise<Customer | null> {
    return readOne(ctx, 'Site.customer', Site, site.id);
  }

  @FieldResolver(() => ServicePackage, { nullable: true })
  servicePackage(@Root() site: Site, @Ctx() ctx: RequestContext): Promise<ServicePackage | null> | null {
    return site.servicePackage ? readOne(ctx, 'Site.servicePackage', Site, site.id) : null;
  }

  @FieldResolver(() => [SiteAssignment], { description: 'Who is and was assigned (staff).' })
  assignments(@Root() site: Site, @Ctx() ctx: RequestContext): Promise<SiteAssignment[]> {
    return readMany(ctx, 'Site.assignments', Site, site.id);
  }

  @FieldResolver(() => [SiteBackup])
  backups(@Root() site: Site, @Ctx() ctx: RequestContext): Promise<SiteBackup[]> {
    return readMany(ctx, 'Site.backups', Site, site.id);
  }

  @FieldResolver(() => [CredentialAccess], {
    description:
      'Issue 20: who revealed this site’s credentials, and the refused reveals (the site’s customer and staff; newest first).',
  })
  credentialAccess(@Root() site: Site, @Ctx() ctx: RequestContext): Promise<CredentialAccess[]> {
    return credentialAccess(ctx, site.id);
  }

  @FieldResolver(() => [SiteCredential], {
    description: 'Access data without secrets (staff and assigned contractors).',
  })
  credentials(@Root() site: Site, @Ctx() ctx: RequestContext): Promise<SiteCredential[]> {
    return credentialsBySite(ctx).load(site.id);
  }

  @Mutation(() => Site)
  siteCreate(@Arg('input') input: SiteInput, @Ctx() ctx: RequestContext): Promise<Site> {
    return sites.createSite(ctx, input);
  }

  @Mutation(() => Site)
  siteUpdate(
    @Arg('id', () => UUID) id: string,
    @Arg('input') input: SiteInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Site> {
    return sites.updateSite(ctx, id, input);
  }

  @Mutation(() => Boolean)
  siteDelete(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return sites.deleteSite(ctx, id);
  }
}

@Resolver(() => SiteAssignment)
export class SiteAssignmentResolver {
  @FieldResolver(() => User)
  user(@Root() assignment: SiteAssignment, @Ctx() ctx: RequestContext): Promise<User | null> {
    return readOne(ctx, 'SiteAssignment.user', SiteAssignment, assignment.id);
  }

  @FieldResolver(() => Boolean)
  active(@Root() assignment: SiteAssignment): boolean {
    return assignment.isActive();
  }

  @Mutation(() => SiteAssignment, { description: 'Assigns a contractor or employee to a site.' })
  siteAssignmentCreate(@Arg('input') input: SiteAssignmentInput, @Ctx() ctx: RequestContext): Promise<SiteAssignment> {
    return sites.assignToSite(ctx, input);
  }

  @Mutation(() => SiteAssignment, { description: 'Ends an assignment now; access ends with it.' })
  siteAssignmentEnd(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<SiteAssignment> {
    return sites.endAssignment(ctx, id);
  }
}
