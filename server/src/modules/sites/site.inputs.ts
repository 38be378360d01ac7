import { IsBoolean, IsDate, IsEnum, IsOptional, IsUrl, IsUUID, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ListArgs, SortInput } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { IsDomain } from '../../graphql/validators';
import { SitePlatform, SiteStatus } from './site.entity';

const url = { require_protocol: true, protocols: ['https', 'http'] };

@InputType()
export class SiteInput {
  @Field(() => UUID)
  @IsUUID()
  customerId!: string;

  @Field()
  @IsDomain()
  domain!: string;

  @Field(() => SitePlatform)
  @IsEnum(SitePlatform)
  platform!: SitePlatform;

  @Field()
  @IsUrl(url, { message: 'must be a URL starting with https:// or http://' })
  @MaxLength(2000)
  productionUrl!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(url, { message: 'must be a URL starting with https:// or http://' })
  @MaxLength(2000)
  stagingUrl?: string | null;

  @Field(() => SiteStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SiteStatus)
  status?: SiteStatus;

  @Field(() => UUID, { nullable: true, description: 'The care package the site is under.' })
  @IsOptional()
  @IsUUID()
  servicePackageId?: string | null;
}

export enum SiteSortField {
  domain = 'domain',
  createdAt = 'createdAt',
  status = 'status',
}

@InputType()
export class SiteFilter {
  @Field({ nullable: true, description: 'Matches the domain.' })
  @IsOptional()
  @MaxLength(253)
  q?: string;

  @Field(() => SiteStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SiteStatus)
  status?: SiteStatus;

  @Field(() => UUID, { nullable: true })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @Field({
    nullable: true,
    description:
      "True: sites whose package promises backups and whose newest backup is older than the package's interval.",
  })
  @IsOptional()
  @IsBoolean()
  backupOverdue?: boolean;
}

export const SiteSort = SortInput('Site', SiteSortField, SiteSortField.domain);
export type SiteSort = InstanceType<typeof SiteSort>;

export const SiteListArgs = ListArgs(SiteFilter, SiteSort);
export type SiteListArgs = InstanceType<typeof SiteListArgs>;

@InputType()
export class SiteAssignmentInput {
  @Field(() => UUID)
  @IsUUID()
  siteId!: string;

  @Field(() => UUID, { description: 'A contractor or employee of the agency.' })
  @IsUUID()
  userId!: string;

  @Field(() => Date, { nullable: true, description: 'Defaults to now.' })
  @IsOptional()
  @IsDate()
  startsAt?: Date;

  @Field(() => Date, { nullable: true, description: 'Open-ended when absent.' })
  @IsOptional()
  @IsDate()
  endsAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  reason?: string | null;
}
