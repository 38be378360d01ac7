import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { UUID } from '../../graphql/scalars';
import { WebhookDelivery, WebhookEndpoint } from './webhook-endpoint.entity';
import {
  WebhookDeliveriesInput,
  WebhookEndpointCreateInput,
  WebhookEndpointUpdateInput,
  WebhookEndpointWithSecret,
} from './webhook.inputs';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  replayWebhookDelivery,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from './webhook.service';

@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  @Query(() => [WebhookEndpoint], { description: "The agency's webhook endpoints, newest first (admins)." })
  webhookEndpoints(@Ctx() ctx: RequestContext): Promise<WebhookEndpoint[]> {
    return listWebhookEndpoints(ctx);
  }

  @Query(() => [WebhookDelivery], { description: "An endpoint's delivery log, newest first (admins)." })
  webhookDeliveries(
    @Arg('input') input: WebhookDeliveriesInput,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookDelivery[]> {
    return listWebhookDeliveries(ctx, input);
  }

  @Mutation(() => WebhookEndpointWithSecret, {
    description: 'Adds an endpoint (admins); its URL is checked (HTTPS, public addresses). The secret is shown once.',
  })
  webhookEndpointCreate(
    @Arg('input') input: WebhookEndpointCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookEndpointWithSecret> {
    return createWebhookEndpoint(ctx, input);
  }

  @Mutation(() => WebhookEndpoint, {
    description: "Changes an endpoint's URL, events, description or enabled (admins).",
  })
  webhookEndpointUpdate(
    @Arg('input') input: WebhookEndpointUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookEndpoint> {
    return updateWebhookEndpoint(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'Removes an endpoint and its delivery log (admins).' })
  webhookEndpointDelete(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return deleteWebhookEndpoint(ctx, id);
  }

  @Mutation(() => WebhookEndpointWithSecret, {
    description: 'A new signing secret, shown once (admins); the old one keeps signing beside it for 24 hours.',
  })
  webhookEndpointRotateSecret(
    @Arg('id', () => UUID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookEndpointWithSecret> {
    return rotateWebhookSecret(ctx, id);
  }

  @Mutation(() => WebhookDelivery, { description: 'Sends a message again, with the same webhook-id (admins).' })
  webhookDeliveryReplay(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<WebhookDelivery> {
    return replayWebhookDelivery(ctx, id);
  }
}
