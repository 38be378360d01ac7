import {
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { BillingInterval, CURRENCIES, type Currency } from './service-package.entity';

@InputType()
export class PackagePriceInput {
  @Field(() => BillingInterval)
  @IsEnum(BillingInterval)
  interval!: BillingInterval;

  @Field(() => String)
  @IsIn([...CURRENCIES], { message: `must be one of ${CURRENCIES.join(', ')} (ISO 4217)` })
  currency!: Currency;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  amountMinor!: number;
}

@InputType()
export class ServicePackageInput {
  @Field()
  @Length(1, 120)
  nameSv!: string;

  @Field()
  @Length(1, 120)
  nameEn!: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(4000)
  descriptionSv?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(4000)
  descriptionEn?: string;

  @Field()
  @IsBoolean()
  backups!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'With backups: one at least every this many hours (1-8760; default 24).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(8760)
  backupIntervalHours?: number;

  @Field()
  @IsBoolean()
  updates!: boolean;

  @Field()
  @IsBoolean()
  uptimeMonitoring!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'With uptime monitoring: minutes between checks (1-1440; default 5).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  checkIntervalMinutes?: number;

  @Field({ nullable: true, description: "Mail the customer's portal users when the site goes down and comes back." })
  @IsOptional()
  @IsBoolean()
  notifyCustomerOfIncidents?: boolean;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(744)
  supportHoursPerMonth!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(720)
  responseTimeHours!: number;

  @Field(() => [PackagePriceInput])
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  prices!: PackagePriceInput[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
