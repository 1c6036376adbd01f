import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { PageArgs } from '@app/common';
import { NotificationEvent } from '@app/jobs';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { NotificationDelivery } from '../entities/notification-delivery';

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean | null;
}

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], { nullable: true, description: 'left out: every notification of the caller' })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[] | null;
}

@ArgsType()
export class SetNotificationPreferenceArgs {
  @Field(() => NotificationEvent)
  @IsEnum(NotificationEvent)
  event!: NotificationEvent;

  @Field(() => NotificationDelivery)
  @IsEnum(NotificationDelivery)
  delivery!: NotificationDelivery;
}

@ArgsType()
export class CapturedEmailsArgs {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  first?: number | null;
}
