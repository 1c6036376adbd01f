import { Field, ID, ObjectType } from '@nestjs/graphql';

/** One agreement of a donation: one per refurbisher that accepted a lot of it. */
@ObjectType({ description: 'the donation agreement (convention de don) between the donor and one refurbisher that accepted a lot of the donation' })
export class DonationAgreement {
  @Field({ description: 'CD- and the reference of the first lot the refurbisher accepted' })
  reference!: string;

  @Field(() => ID)
  refurbisherId!: string;

  @Field()
  refurbisherName!: string;

  @Field({ description: 'the agreement as a PDF, in French: a signed link that works without a login until linkExpiresAt' })
  pdfUrl!: string;

  @Field()
  linkExpiresAt!: Date;
}
