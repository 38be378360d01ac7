import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { UUID } from '../../graphql/scalars';
import { ServicePackageInput } from './package.inputs';
import * as packages from './package.service';
import { ServicePackage } from './service-package.entity';

/** Care packages: staff manage them; customers see the active ones. */
@Resolver(() => ServicePackage)
export class ServicePackageResolver {
  @Query(() => [ServicePackage], { description: 'Care packages (customers: active ones only).' })
  servicePackages(@Ctx() ctx: RequestContext): Promise<ServicePackage[]> {
    return packages.listPackages(ctx);
  }

  @Query(() => ServicePackage)
  servicePackage(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<ServicePackage> {
    return packages.getPackage(ctx, id);
  }

  @Mutation(() => ServicePackage)
  servicePackageCreate(@Arg('input') input: ServicePackageInput, @Ctx() ctx: RequestContext): Promise<ServicePackage> {
    return packages.createPackage(ctx, input);
  }

  @Mutation(() => ServicePackage)
  servicePackageUpdate(
    @Arg('id', () => UUID) id: string,
    @Arg('input') input: ServicePackageInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ServicePackage> {
    return packages.updatePackage(ctx, id, input);
  }
}
