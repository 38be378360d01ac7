// Offset pagination with a bounded page size (S6), and the list shape the dashboard's data provider reads.
import { IsEnum, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import type { ClassType } from 'type-graphql';
import { LIMITS } from './limits';
import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export const MAX_PAGE_SIZE = LIMITS.maxPageSize;

@InputType({ description: `A page of a list: take 1–${MAX_PAGE_SIZE} rows after skipping some.` })
export class PageInput {
  @Field(() => Int, { defaultValue: 25 })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  take: number = 25;

  @Field(() => Int, { defaultValue: 0 })
  @Min(0)
  @Max(1_000_000)
  skip: number = 0;
}

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

export interface Page<T> {
  nodes: T[];
  totalCount: number;
}

/** `UserList { nodes: [User!]!, totalCount: Int! }` and the like. */
export function ListOf<T extends object>(item: ClassType<T>, name: string) {
  @ObjectType(`${name}List`)
  abstract class List implements Page<T> {
    @Field(() => [item])
    nodes!: T[];

    @Field(() => Int)
    totalCount!: number;
  }
  return List;
}

/** `<Name>Sort { field: <Name>SortField = default, order: SortOrder = ASC }`, validated. */
export function SortInput<E extends Record<string, string>>(name: string, fields: E, defaultField: E[keyof E]) {
  registerEnumType(fields, { name: `${name}SortField` });
  @InputType(`${name}Sort`)
  class Sort {
    @Field(() => fields, { defaultValue: defaultField })
    @IsEnum(fields)
    field: E[keyof E] = defaultField;

    @Field(() => SortOrder, { defaultValue: SortOrder.ASC })
    @IsEnum(SortOrder)
    order: SortOrder = SortOrder.ASC;
  }
  return Sort;
}

/** The arguments of a list query without sorting: `filter` and `page`, both optional and validated. */
export function FilteredListArgs<F extends object>(filter: ClassType<F>) {
  @ArgsType()
  class Args {
    @Field(() => filter, { nullable: true })
    @IsOptional()
    @ValidateNested()
    filter?: F;

    @Field(() => PageInput, { nullable: true })
    @IsOptional()
    @ValidateNested()
    page?: PageInput;
  }
  return Args;
}

/** The arguments of a sortable list query: `filter`, `sort` and `page`, all optional and validated. */
export function ListArgs<F extends object, S extends object>(filter: ClassType<F>, sort: ClassType<S>) {
  @ArgsType()
  class Args extends FilteredListArgs(filter) {
    @Field(() => sort, { nullable: true })
    @IsOptional()
    @ValidateNested()
    sort?: S;
  }
  return Args;
}
