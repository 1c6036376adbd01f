import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts run day to day: names, deactivation, token versions (to refuse old tokens) and single-use password reset links. */
export class Accounts1795433800000 implements MigrationInterface {
  name = 'Accounts1795433800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "user"
        ADD "name" character varying(200),
        ADD "token_version" integer NOT NULL DEFAULT 0,
        ADD "deactivated_at" TIMESTAMP WITH TIME ZONE,
        ADD "password_changed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE TABLE "password_reset" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "issued_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_password_reset_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_password_reset_user_id" ON "password_reset" ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_password_reset_token_hash" ON "password_reset" ("token_hash")`);
    await queryRunner.query(
      `ALTER TABLE "password_reset" ADD CONSTRAINT "FK_password_reset_user_id" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "password_reset"`);
    await queryRunner.query(`
      ALTER TABLE "user"
        DROP COLUMN "password_changed_at",
        DROP COLUMN "deactivated_at",
        DROP COLUMN "token_version",
        DROP COLUMN "name"`);
  }
}
