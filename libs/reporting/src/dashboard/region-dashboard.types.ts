import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Organization, Region } from '@app/network';
import { StockLevel } from '@app/refurbishing';
import { StuckCount } from '../stuck/stuck-work.types';

@ObjectType()
export class RefurbisherLoad {
  refurbisherId!: string;

  @Field(() => Organization)
  refurbisher!: Organization;

  @Field(() => Int, { description: 'devices it takes in per week, all categories' })
  weeklyCapacity!: number;

  @Field(() => Int, { description: 'devices in its lots offered, claimed, scheduled or collected, not yet received' })
  load!: number;

  @Field(() => Float, { description: 'load / weeklyCapacity (0 without capacity)' })
  utilization!: number;

  @Field(() => Int, { description: 'devices IN_STOCK or RESERVED there now' })
  inStock!: number;
}

@ObjectType()
export class LeadTimes {
  @Field(() => Float, { nullable: true, description: 'median days from declaration to pickup completed' })
  declarationToPickupDays!: number | null;

  @Field(() => Float, { nullable: true, description: 'median days from pickup completed to IN_STOCK' })
  pickupToStockDays!: number | null;

  @Field(() => Float, { nullable: true, description: 'median days from order submitted to delivery' })
  orderToDeliveryDays!: number | null;
}

@ObjectType()
export class WeeklyFlow {
  @Field({ description: 'Monday 00:00, Europe/Paris' })
  weekStart!: Date;

  @Field(() => Int)
  declared!: number;

  @Field(() => Int)
  collected!: number;

  @Field(() => Int)
  refurbished!: number;

  @Field(() => Int)
  delivered!: number;

  @Field(() => Int)
  recycled!: number;
}

@ObjectType({ description: 'A region over a period of whole days (Europe/Paris): the day of `from` to the day before `to`' })
export class RegionDashboard {
  @Field(() => Region)
  region!: Region;

  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field(() => Int)
  devicesDeclared!: number;

  @Field(() => Int)
  devicesCollected!: number;

  @Field(() => Int, { description: 'devices that reached stock for the first time' })
  devicesRefurbished!: number;

  @Field(() => Int)
  devicesDelivered!: number;

  @Field(() => Int)
  devicesRecycled!: number;

  @Field(() => Int, { description: 'order units not yet reserved, over every open order of the region now' })
  openDemand!: number;

  @Field(() => Float, { description: 'reserved or delivered units / ordered units, over orders of the period (cancelled ones excluded); 0 when none' })
  fillRate!: number;

  @Field(() => Float, {
    description: 'Σ devices reused (first delivered to a person) in the period × their category manufacturing footprint, as the donor report counts it',
  })
  co2eAvoidedKg!: number;

  @Field(() => [StockLevel], { description: 'stock now, by refurbisher × category × grade' })
  stock!: StockLevel[];

  @Field(() => [RefurbisherLoad])
  refurbishers!: RefurbisherLoad[];

  @Field(() => LeadTimes, { description: 'medians over the events of the period, exact to half an hour (2 days and less), 3 h (30 days), 12 h beyond' })
  leadTimes!: LeadTimes;

  @Field(() => [WeeklyFlow], { description: 'every week that overlaps the period, counting the period’s days only' })
  weekly!: WeeklyFlow[];

  @Field(() => [StuckCount], { description: 'work that stopped moving now, counted by kind (stuckWork lists it)' })
  stuck!: StuckCount[];
}
