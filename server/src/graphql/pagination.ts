// Offset pagination with a bounded page size (S6), and the list shape the dashboard's data provider reads.
import { Max, Min } from 'class-validator';
import type { ClassType } from 'type-graphql';
import { LIMITS } from './limits';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

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
