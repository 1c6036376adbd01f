import { MigrationInterface, QueryRunner } from 'typeorm';

/** Contacts, deactivation and intake pauses of organizations: what running a network day to day needs. */
export class OrganizationOperations1795433520000 implements MigrationInterface {
  name = 'OrganizationOperations1795433520000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "organization"
        ADD "contact_name" character varying(200),
        ADD "contact_email" character varying(254),
        ADD "contact_phone" character varying(40),
        ADD "deactivated_at" TIMESTAMP WITH TIME ZONE,
        ADD "deactivation_reason" character varying(500),
        ADD "intake_paused_until" TIMESTAMP WITH TIME ZONE,
        ADD "intake_pause_reason" character varying(500)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "organization"
        DROP COLUMN "intake_pause_reason",
        DROP COLUMN "intake_paused_until",
        DROP COLUMN "deactivation_reason",
        DROP COLUMN "deactivated_at",
        DROP COLUMN "contact_phone",
        DROP COLUMN "contact_email",
        DROP COLUMN "contact_name"`);
  }
}
