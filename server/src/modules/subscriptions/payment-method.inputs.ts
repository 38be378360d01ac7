import { Field, ObjectType } from 'type-graphql';

@ObjectType('PaymentPage', { description: 'A page of the payment provider to send the person to.' })
export class PaymentPage {
  @Field()
  redirectUrl!: string;
}
