import { MigrationInterface, QueryRunner } from 'typeorm';

/** Two facts about an organization that money and paperwork depend on: a public donor, a refurbisher that may issue tax receipts. */
export class OrganizationFlags1795434900000 implements MigrationInterface {
  name = 'OrganizationFlags1795434900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization" ADD "public_body" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "organization" ADD "tax_receipt_eligible" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "tax_receipt_eligible"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "public_body"`);
  }
}
