import { IsEnum, IsOptional, IsUrl, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { UUID } from '../../graphql/scalars';
import { CredentialKind } from './site-credential.entity';

@InputType()
export class SiteCredentialInput {
  @Field(() => UUID)
  @IsUUID()
  siteId!: string;

  @Field(() => CredentialKind)
  @IsEnum(CredentialKind)
  kind!: CredentialKind;

  @Field()
  @Length(1, 200)
  label!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true }, { message: 'must be a URL with a scheme, e.g. https:// or sftp://' })
  @MaxLength(2000)
  url?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  username?: string | null;

  @Field({ description: 'The password, key or token. Stored encrypted; never returned except by reveal.' })
  @Length(1, 20_000)
  secret!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5_000)
  notes?: string | null;
}

@InputType()
export class SiteCredentialUpdateInput {
  @Field(() => CredentialKind, { nullable: true })
  @IsOptional()
  @IsEnum(CredentialKind)
  kind?: CredentialKind;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  label?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true }, { message: 'must be a URL with a scheme, e.g. https:// or sftp://' })
  @MaxLength(2000)
  url?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  username?: string | null;

  @Field({ nullable: true, description: 'A new secret; absent keeps the current one.' })
  @IsOptional()
  @Length(1, 20_000)
  secret?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5_000)
  notes?: string | null;
}
