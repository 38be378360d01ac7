import { randomUUID } from 'node:crypto';
import { ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Tenant } from '../modules/tenants/tenant.entity';

/** Every table: a UUID primary key made by the application, and creation/update times. */
@ObjectType()
export abstract class BaseEntity<Optional extends string = never> {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | Optional;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/**
 * A row that belongs to one agency. Two walls keep it there: the ORM's `tenant` filter (db/orm.ts)
 * and PostgreSQL row-level security on `tenant_id` (db/rls.ts). Set `tenant` from the request
 * context when creating; never from client input.
 */
@ObjectType()
export abstract class TenantOwned<Optional extends string = never> extends BaseEntity<Optional> {
  @ManyToOne(() => Tenant, { deleteRule: 'cascade', index: true })
  tenant!: Tenant;
}
