import { Field, ObjectType } from 'type-graphql';
import { ConsentChannel, ConsentDecision, ConsentMethod } from './consent-event.entity';

@ObjectType({ description: 'P13: the current consent for one purpose on one channel (the latest decision).' })
export class CurrentConsent {
  @Field()
  purposeKey!: string;

  @Field(() => ConsentChannel)
  channel!: ConsentChannel;

  @Field()
  granted!: boolean;

  @Field(() => ConsentMethod)
  method!: ConsentMethod;

  @Field()
  decidedAt!: Date;
}

@ObjectType({ description: 'P17: cookie preferences. Necessary cookies need no consent and are always on.' })
export class CookiePreferences {
  @Field()
  necessary!: boolean;

  @Field()
  analytics!: boolean;

  @Field()
  marketing!: boolean;
}

export const toCurrent = (r: {
  purposeKey: string;
  channel: ConsentChannel;
  decision: ConsentDecision;
  method: ConsentMethod;
  decidedAt: Date;
}): CurrentConsent => ({
  purposeKey: r.purposeKey,
  channel: r.channel,
  granted: r.decision === ConsentDecision.GRANTED,
  method: r.method,
  decidedAt: r.decidedAt,
});
