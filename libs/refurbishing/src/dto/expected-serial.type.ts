import { Field, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';

@ObjectType({ description: "a serial number the donor's inventory named for one of this lot's categories, and whether it has been registered" })
export class ExpectedSerial {
  @Field({ description: 'as the inventory wrote it' })
  serialNumber!: string;

  @Field(() => DeviceCategory)
  category!: DeviceCategory;

  @Field({ description: 'a device of this donation was registered at intake under this serial (compared without case, spaces, dashes or dots)' })
  received!: boolean;
}
