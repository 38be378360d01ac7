import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { readMany, readOne } from '../../graphql/sql/reads';
import { ListOf, PageInput } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { Site } from '../sites/site.entity';
import { User } from '../users/user.entity';
import { Contact } from './contact.entity';
import { Customer } from './customer.entity';
import { LegalBasisHolding, legalBasesOf } from './legal-bases';
import {
  ContactCreateArgs,
  ContactInput,
  ContactListArgs,
  ContactSort,
  CustomerInput,
  CustomerListArgs,
  CustomerSort,
  CustomerUpdateInput,
} from './customer.inputs';
import * as customers from './customer.service';

const CustomerList = ListOf(Customer, 'Customer');
type CustomerList = InstanceType<typeof CustomerList>;
const ContactList = ListOf(Contact, 'Contact');
type ContactList = InstanceType<typeof ContactList>;

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => CustomerList, { description: "The agency's customers (staff)." })
  customers(@Args(() => CustomerListArgs) args: CustomerListArgs, @Ctx() ctx: RequestContext): Promise<CustomerList> {
    return customers.listCustomers(ctx, args.filter, args.sort ?? new CustomerSort(), args.page ?? new PageInput());
  }

  @Query(() => Customer, { description: "A customer in the viewer's scope." })
  customer(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<Customer> {
    return customers.getCustomer(ctx, id);
  }

  @FieldResolver(() => [Contact])
  contacts(@Root() customer: Customer, @Ctx() ctx: RequestContext): Promise<Contact[]> {
    return readMany(ctx, 'Customer.contacts', Customer, customer.id);
  }

  @FieldResolver(() => [Site], { description: 'Sites of this customer that the viewer may see.' })
  sites(@Root() customer: Customer, @Ctx() ctx: RequestContext): Promise<Site[]> {
    return readMany(ctx, 'Customer.sites', Customer, customer.id);
  }

  @Mutation(() => Customer)
  customerCreate(@Arg('input') input: CustomerInput, @Ctx() ctx: RequestContext): Promise<Customer> {
    return customers.createCustomer(ctx, input);
  }

  @Mutation(() => Customer)
  customerUpdate(
    @Arg('id', () => UUID) id: string,
    @Arg('input') input: CustomerUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Customer> {
    return customers.updateCustomer(ctx, id, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a customer with its contacts and sites.' })
  customerDelete(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return customers.deleteCustomer(ctx, id);
  }
}

@Resolver(() => Contact)
export class ContactResolver {
  @Query(() => ContactList, { description: "The agency's contacts across customers (staff)." })
  contacts(@Args(() => ContactListArgs) args: ContactListArgs, @Ctx() ctx: RequestContext): Promise<ContactList> {
    return customers.listContacts(ctx, args.filter, args.sort ?? new ContactSort(), args.page ?? new PageInput());
  }

  @FieldResolver(() => Customer, { description: 'The customer the person works for.' })
  customer(@Root() contact: Contact, @Ctx() ctx: RequestContext): Promise<Customer | null> {
    return readOne(ctx, 'Contact.customer', Contact, contact.id);
  }

  @FieldResolver(() => [LegalBasisHolding], {
    description: "Issue 23: which of the person's data is held under which legal basis, until when.",
  })
  legalBases(@Root() contact: Contact, @Ctx() ctx: RequestContext): Promise<LegalBasisHolding[]> {
    return legalBasesOf(ctx, contact);
  }

  @Query(() => Contact)
  contact(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<Contact> {
    return customers.openContact(ctx, id);
  }

  @Mutation(() => Contact)
  contactCreate(@Args() { customerId, input }: ContactCreateArgs, @Ctx() ctx: RequestContext): Promise<Contact> {
    return customers.createContact(ctx, customerId, input);
  }

  @Mutation(() => Contact)
  contactUpdate(
    @Arg('id', () => UUID) id: string,
    @Arg('input') input: ContactInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Contact> {
    return customers.updateContact(ctx, id, input);
  }

  @Mutation(() => Contact, {
    description: "Moves the contact to another customer; refused while the person's processing is restricted.",
  })
  contactMove(
    @Arg('id', () => UUID) id: string,
    @Arg('customerId', () => UUID) customerId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Contact> {
    return customers.moveContact(ctx, id, customerId);
  }

  @Mutation(() => User, { description: 'Invites the contact to the customer portal (a CUSTOMER login).' })
  contactPortalInvite(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return customers.inviteContactToPortal(ctx, id);
  }

  @Mutation(() => Boolean)
  contactDelete(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return customers.deleteContact(ctx, id);
  }
}
