import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { ListOf } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { MarketingCampaign } from './campaign.entity';
import {
  MarketingCampaignListArgs,
  MarketingRecipient,
  MarketingSendInput,
  MarketingSendResult,
} from './marketing.inputs';
import { campaignRecipients, getCampaign, listCampaigns, sendMarketing } from './marketing.service';

@Resolver()
export class MarketingResolver {
  @Mutation(() => MarketingSendResult, {
    description: "P14: a marketing e-mail to a purpose's subscribers; each recipient passes the marketing gate.",
  })
  marketingSend(@Arg('input') input: MarketingSendInput, @Ctx() ctx: RequestContext): Promise<MarketingSendResult> {
    return sendMarketing(ctx, input);
  }
}

const MarketingCampaignList = ListOf(MarketingCampaign, 'MarketingCampaign');

@Resolver(() => MarketingCampaign)
export class MarketingCampaignResolver {
  @Query(() => MarketingCampaignList, { description: 'Issue 23: the marketing sends, newest first (staff).' })
  marketingCampaigns(
    @Args(() => MarketingCampaignListArgs) { filter, page }: InstanceType<typeof MarketingCampaignListArgs>,
    @Ctx() ctx: RequestContext,
  ) {
    return listCampaigns(ctx, filter?.purposeKey, page);
  }

  @Query(() => MarketingCampaign)
  marketingCampaign(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<MarketingCampaign> {
    return getCampaign(ctx, id);
  }

  @FieldResolver(() => [MarketingRecipient], {
    description: 'Who was sent, and who the gate refused and why (opens and clicks only where consented).',
  })
  recipients(@Root() campaign: MarketingCampaign, @Ctx() ctx: RequestContext): Promise<MarketingRecipient[]> {
    return campaignRecipients(ctx, campaign.id);
  }
}
