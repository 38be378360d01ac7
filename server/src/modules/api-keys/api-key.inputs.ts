import { IsEnum, IsOptional, Length } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { ApiKey, ApiKeyRole } from './api-key.entity';

@InputType()
export class ApiKeyCreateInput {
  @Field({ description: 'What the key is for, e.g. "Zapier" or "Accounting sync"; the audit names it.' })
  @Length(1, 100)
  name!: string;

  @Field(() => ApiKeyRole, { nullable: true, description: 'Never ADMIN; EMPLOYEE by default.' })
  @IsOptional()
  @IsEnum(ApiKeyRole)
  role?: ApiKeyRole;

  @Field(() => Date, { nullable: true, description: 'After this the key no longer works; none: until revoked.' })
  @IsOptional()
  expiresAt?: Date | null;
}

@ObjectType({ description: 'A new API key: `key` is shown this once and never again.' })
export class ApiKeyCreated {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field({ description: 'Send it as `Authorization: Bearer <key>`.' })
  key!: string;
}
