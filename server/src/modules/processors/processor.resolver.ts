import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { ListOf } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { Processor } from './processor.entity';
import { ProcessorInput, ProcessorListArgs } from './processor.inputs';
import * as processors from './processor.service';

const ProcessorList = ListOf(Processor, 'Processor');

/** P19, P24: the register of processors. */
@Resolver(() => Processor)
export class ProcessorResolver {
  @Query(() => ProcessorList, { description: 'The register of processors (Art. 30), by name.' })
  processors(@Args(() => ProcessorListArgs) { filter, page }: ProcessorListArgs, @Ctx() ctx: RequestContext) {
    return processors.listProcessors(ctx, filter, page);
  }

  @Query(() => Processor)
  processor(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<Processor> {
    return processors.getProcessor(ctx, id);
  }

  @Query(() => String, { description: 'The whole register as CSV text with a header row.' })
  processorsCsv(@Ctx() ctx: RequestContext): Promise<string> {
    return processors.processorsCsv(ctx);
  }

  @Mutation(() => Processor)
  processorCreate(@Arg('input') input: ProcessorInput, @Ctx() ctx: RequestContext): Promise<Processor> {
    return processors.createProcessor(ctx, input);
  }

  @Mutation(() => Processor)
  processorUpdate(
    @Arg('id', () => UUID) id: string,
    @Arg('input') input: ProcessorInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Processor> {
    return processors.updateProcessor(ctx, id, input);
  }

  @Mutation(() => Boolean)
  processorDelete(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return processors.deleteProcessor(ctx, id);
  }
}
