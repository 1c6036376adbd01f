import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workshop as refurbishers work: serial numbers compared by a key (upper case, no spaces,
 * dashes or dots) while the label is shown as entered; where a device sits (location); the status
 * a MISSING device had; a destroyed disk waiting for its replacement; parts donors; failed erasures
 * without a certificate number; scoped stock counts and discrepancies decided one by one.
 */
export class WorkshopLifecycle1795434100000 implements MigrationInterface {
  name = 'WorkshopLifecycle1795434100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "device"
        ADD "serial_number_key" character varying(100),
        ADD "location" character varying(100),
        ADD "status_before_missing" "public"."device_status",
        ADD "needs_storage" boolean NOT NULL DEFAULT false,
        ADD "parts_donor" boolean NOT NULL DEFAULT false`);
    // The key of existing rows, as normalizeSerialNumber (libs/common) computes it. Two rows whose
    // serials differed only by punctuation were two devices until now: the older keeps the key,
    // the others get theirs suffixed with their id (visible, and still unique) for people to merge.
    await queryRunner.query(`
      WITH keyed AS (
        SELECT id, upper(regexp_replace(serial_number, '[-[:space:]\u00A0\u202F.\u2010-\u2015]', '', 'g')) AS k,
               row_number() OVER (PARTITION BY upper(regexp_replace(serial_number, '[-[:space:]\u00A0\u202F.\u2010-\u2015]', '', 'g')) ORDER BY created_at, id) AS n
          FROM device
      )
      UPDATE device d SET serial_number_key = CASE WHEN keyed.n = 1 THEN keyed.k ELSE left(keyed.k, 63) || '#' || d.id END
        FROM keyed WHERE keyed.id = d.id`);
    await queryRunner.query(`ALTER TABLE "device" ALTER COLUMN "serial_number_key" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "device" DROP CONSTRAINT "UQ_c7f756679d925ed3d51af6cb8f2"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_device_serial_number_key" ON "device" ("serial_number_key") `);

    // failed attempts certify nothing: no number (those recorded before keep theirs)
    await queryRunner.query(`ALTER TABLE "erasure_record" ALTER COLUMN "certificate_number" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "erasure_record" ADD CONSTRAINT "CHK_erasure_record_certificate" CHECK (NOT "verified" OR "certificate_number" IS NOT NULL)`,
    );

    await queryRunner.query(`ALTER TABLE "reconciliation" ADD "scope" jsonb`);
    await queryRunner.query(
      `CREATE TABLE "discrepancy_resolution" ("id" BIGSERIAL NOT NULL, "discrepancy_id" bigint NOT NULL, "reconciliation_id" uuid NOT NULL, "decision" character varying(20) NOT NULL, "device_moved" boolean NOT NULL, "resolved_by" character varying(254) NOT NULL, "resolved_by_user_id" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "UQ_d6e03291f4a7f0f11b6fbbf4430" UNIQUE ("discrepancy_id"), CONSTRAINT "PK_discrepancy_resolution" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_discrepancy_resolution_reconciliation" ON "discrepancy_resolution" ("reconciliation_id") `);
    await queryRunner.query(
      `ALTER TABLE "discrepancy_resolution" ADD CONSTRAINT "FK_d6e03291f4a7f0f11b6fbbf4430" FOREIGN KEY ("discrepancy_id") REFERENCES "reconciliation_discrepancy"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TRIGGER discrepancy_resolution_append_only BEFORE UPDATE OR DELETE ON "discrepancy_resolution" FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "discrepancy_resolution"`);
    await queryRunner.query(`ALTER TABLE "reconciliation" DROP COLUMN "scope"`);
    await queryRunner.query(`ALTER TABLE "erasure_record" DROP CONSTRAINT "CHK_erasure_record_certificate"`);
    await queryRunner.query(`ALTER TABLE "erasure_record" ALTER COLUMN "certificate_number" SET NOT NULL`);
    await queryRunner.query(`DROP INDEX "public"."UQ_device_serial_number_key"`);
    await queryRunner.query(`ALTER TABLE "device" ADD CONSTRAINT "UQ_c7f756679d925ed3d51af6cb8f2" UNIQUE ("serial_number")`);
    await queryRunner.query(
      `ALTER TABLE "device" DROP COLUMN "parts_donor", DROP COLUMN "needs_storage", DROP COLUMN "status_before_missing", DROP COLUMN "location", DROP COLUMN "serial_number_key"`,
    );
  }
}
