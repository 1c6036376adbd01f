import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written. Debounced outbox requests carry their key apart from the job id (a job id is kept
 * by BullMQ for a day after the job completes; a debounce key is free again as soon as the run
 * ends). Load counter corrections made by the recount are kept in an append-only log.
 */
export class ConcurrencyProtocol1795433500000 implements MigrationInterface {
  name = 'ConcurrencyProtocol1795433500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "debounce_key" character varying(200)`);
    await queryRunner.query(
      `CREATE TABLE "refurbisher_load_drift" ("id" BIGSERIAL NOT NULL, "region_id" uuid NOT NULL, "refurbisher_id" uuid NOT NULL, "category" "public"."device_category" NOT NULL, "load_before" integer NOT NULL, "load_after" integer NOT NULL, "corrected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_refurbisher_load_drift" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_refurbisher_load_drift_refurbisher_corrected" ON "refurbisher_load_drift" ("refurbisher_id", "corrected_at")`);
    await queryRunner.query(
      `ALTER TABLE "refurbisher_load_drift" ADD CONSTRAINT "FK_refurbisher_load_drift_refurbisher" FOREIGN KEY ("refurbisher_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refurbisher_load_drift" DROP CONSTRAINT "FK_refurbisher_load_drift_refurbisher"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_refurbisher_load_drift_refurbisher_corrected"`);
    await queryRunner.query(`DROP TABLE "refurbisher_load_drift"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "debounce_key"`);
  }
}
