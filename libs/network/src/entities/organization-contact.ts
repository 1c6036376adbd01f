import { Field, ObjectType } from '@nestjs/graphql';

/**
 * Who to call or write to about an organization's work. Shown only to those who must reach it
 * (READ-style rule "OrganizationContact" in libs/auth access-policy): staff of its region, its own
 * users, and its counterparts on live work.
 */
@ObjectType()
export class OrganizationContact {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}
