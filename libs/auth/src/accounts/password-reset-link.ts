import { Field, ObjectType } from '@nestjs/graphql';

/** A reset link given to a staff member, who passes it on to the person (by phone, by hand). */
@ObjectType()
export class PasswordResetLink {
  @Field({ description: 'PUBLIC_URL/reinitialiser?token=…; works once' })
  link!: string;

  @Field()
  expiresAt!: Date;
}
