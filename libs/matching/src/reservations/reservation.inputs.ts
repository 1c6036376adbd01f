import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class ReleaseReservationInput {
  @Field(() => ID)
  @IsUUID()
  deviceId!: string;

  @Field({ description: 'why the refurbisher gives it back; kept on the custody event' })
  @IsString()
  @IsNotEmpty({ message: 'say why the reservation is released' })
  @MaxLength(500)
  reason!: string;
}

@InputType()
export class RefuseDeviceInput {
  @Field(() => ID)
  @IsUUID()
  orderId!: string;

  @Field(() => ID)
  @IsUUID()
  deviceId!: string;

  @Field({ description: 'what is wrong with the device; kept on the custody event (never a name)' })
  @IsString()
  @IsNotEmpty({ message: 'say why the device is refused' })
  @MaxLength(500)
  reason!: string;
}

@InputType()
export class SwapReservationsInput {
  @Field(() => ID)
  @IsUUID()
  deviceId!: string;

  @Field(() => ID)
  @IsUUID()
  otherDeviceId!: string;
}
