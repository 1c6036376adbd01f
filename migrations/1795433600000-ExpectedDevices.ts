import { MigrationInterface, QueryRunner } from 'typeorm';

/** The devices a per-serial inventory names, kept with their donation for the refurbisher to check at intake. */
export class ExpectedDevices1795433600000 implements MigrationInterface {
  name = 'ExpectedDevices1795433600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "expected_device" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "donation_id" uuid NOT NULL, "position" integer NOT NULL, "category" "public"."device_category" NOT NULL, "serial_number" character varying(100) NOT NULL, "serial_number_normalized" character varying(100) NOT NULL, "brand" character varying(100), "model" character varying(100), "year" integer, CONSTRAINT "PK_d30ea52f1275964bb99d0a3afb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b69453047c6c4bb9ed19f9f0f4" ON "expected_device" ("donation_id", "position") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_31c7cc1842586dce4834cd8577" ON "expected_device" ("donation_id", "serial_number_normalized") `);
    await queryRunner.query(
      `ALTER TABLE "expected_device" ADD CONSTRAINT "FK_60f564589ae73c2a81f113253bd" FOREIGN KEY ("donation_id") REFERENCES "donation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "expected_device" DROP CONSTRAINT "FK_60f564589ae73c2a81f113253bd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_31c7cc1842586dce4834cd8577"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b69453047c6c4bb9ed19f9f0f4"`);
    await queryRunner.query(`DROP TABLE "expected_device"`);
  }
}
