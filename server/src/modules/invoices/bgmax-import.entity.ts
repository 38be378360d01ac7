import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { User } from '../users/user.entity';
import { Invoice } from './invoice.entity';

export enum BgMaxRowResult {
  /** Paid in full: the invoice is PAID. */
  MATCHED = 'MATCHED',
  /** More than the invoice lacked: the invoice is PAID; the difference is the customer's credit (its ledger). */
  OVERPAID = 'OVERPAID',
  /** Less than the invoice lacked: a part payment; the invoice stays OPEN with the rest to pay. */
  UNDERPAID = 'UNDERPAID',
  /** The OCR reference is an invoice of this agency that is no longer open (paid or credited). */
  NOT_OPEN = 'NOT_OPEN',
  /** No reference, not a valid OCR reference, or none of this agency's invoices. */
  UNMATCHED = 'UNMATCHED',
}
registerEnumType(BgMaxRowResult, { name: 'BgMaxRowResult' });

/**
 * Issue 19: one imported BgMax file of payments to the agency's bankgiro, with what it matched.
 * Idempotent on the file's SHA-256: the same file again answers the first import.
 */
@ObjectType({ description: 'An imported BgMax file (Bankgirot) and what it matched.' })
@Entity({ tableName: 'bgmax_imports' })
@Unique({ properties: ['tenant', 'fileHash'] })
@Index({ properties: ['tenant', 'createdAt'] })
export class BgMaxImport extends TenantOwned<'importedBy' | 'creditMinor'> {
  @Field()
  @Property({ type: 'text' })
  fileName!: string;

  @Field({ description: "SHA-256 of the file's bytes (hex)." })
  @Property({ type: 'text' })
  fileHash!: string;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  importedBy: Rel<User> | null = null;

  @Field({ description: "Bankgirot's timestamp of the file." })
  @Property({ type: 'text' })
  fileCreatedAt!: string;

  @Field({ description: 'A test file (T) rather than production (P).' })
  @Property({ type: 'boolean' })
  test!: boolean;

  @Field(() => Int)
  @Property({ type: 'integer' })
  payments!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  matched!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  overpaid!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  underpaid!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  notOpen!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  unmatched!: number;

  @Field(() => Int, { description: 'The sum of the payments, in öre.' })
  @Property({ type: 'integer' })
  totalMinor!: number;

  @Field(() => Int, { description: "Overpaid beyond the invoices' amounts: the customers' credit, in öre." })
  @Property({ type: 'integer', default: 0 })
  creditMinor: number = 0;
}

/** One payment (TK20) of an imported file and what became of it. */
@ObjectType({ description: 'A payment of an imported BgMax file.' })
@Entity({ tableName: 'bgmax_import_rows' })
@Index({ properties: ['import'] })
export class BgMaxImportRow extends TenantOwned<'invoice' | 'differenceMinor'> {
  @ManyToOne(() => BgMaxImport, { deleteRule: 'cascade' })
  import!: Rel<BgMaxImport>;

  @Field(() => Int, { description: 'The line of its payment record (20) in the file.' })
  @Property({ type: 'integer' })
  line!: number;

  @Field({ description: 'The reference as paid (digits), empty without one.' })
  @Property({ type: 'text' })
  reference!: string;

  @Field(() => Int, { description: 'Öre.' })
  @Property({ type: 'integer' })
  amountMinor!: number;

  @Field({ description: "The deposit's payment date, YYYY-MM-DD." })
  @Property({ type: 'date' })
  paymentDate!: string;

  @Field({ description: "Bankgirot's serial number of the payment." })
  @Property({ type: 'text' })
  serialNumber!: string;

  @Field(() => BgMaxRowResult)
  @Enum({ items: () => BgMaxRowResult })
  result!: BgMaxRowResult;

  @ManyToOne(() => Invoice, { nullable: true, deleteRule: 'set null' })
  invoice: Rel<Invoice> | null = null;

  @Field(() => Int, {
    description:
      'Paid minus what the invoice lacked, in öre (0 when matched or unmatched; above 0 the customer’s credit).',
  })
  @Property({ type: 'integer', default: 0 })
  differenceMinor: number = 0;
}
