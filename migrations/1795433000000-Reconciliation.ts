import { MigrationInterface, QueryRunner } from 'typeorm';

/** Stock counts and their discrepancies (libs/reconciliation), and the log of stock counters the reconcile-stock job corrected. */
export class Reconciliation1795433000000 implements MigrationInterface {
  name = 'Reconciliation1795433000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."reconciliation_status" AS ENUM('OPEN', 'RESOLVED', 'SUPERSEDED')`);
    await queryRunner.query(
      `CREATE TABLE "reconciliation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "refurbisher_id" uuid NOT NULL, "region_id" uuid NOT NULL, "status" "public"."reconciliation_status" NOT NULL DEFAULT 'OPEN', "expected_quantity" integer NOT NULL, "counted_quantity" integer NOT NULL, "missing_quantity" integer NOT NULL, "unexpected_quantity" integer NOT NULL, "submitted_by" character varying(254), "submitted_by_user_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by" character varying(254), "resolved_by_user_id" uuid, "marked_missing_quantity" integer, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_8103a735d30a2e8c937a9ea9934" PRIMARY KEY ("id"))`,
    );
    // At most one OPEN count per refurbisher: a newer count supersedes it (StockCountService).
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_reconciliation_open" ON "reconciliation"  ("refurbisher_id") WHERE "status" = 'OPEN'`);
    await queryRunner.query(`CREATE INDEX "IDX_reconciliation_region_created" ON "reconciliation"  ("region_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_reconciliation_refurbisher_created" ON "reconciliation"  ("refurbisher_id", "created_at") `);
    await queryRunner.query(`CREATE TYPE "public"."discrepancy_kind" AS ENUM('MISSING', 'UNEXPECTED')`);
    await queryRunner.query(
      `CREATE TABLE "reconciliation_discrepancy" ("id" BIGSERIAL NOT NULL, "reconciliation_id" uuid NOT NULL, "kind" "public"."discrepancy_kind" NOT NULL, "serial_number" character varying(100) NOT NULL, "device_id" uuid, CONSTRAINT "PK_74ea8a1b92efdb62c89fdfd8922" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_reconciliation_discrepancy_serial" ON "reconciliation_discrepancy"  ("reconciliation_id", "serial_number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "stock_drift" ("id" BIGSERIAL NOT NULL, "refurbisher_id" uuid NOT NULL, "region_id" uuid NOT NULL, "category" "public"."device_category" NOT NULL, "grade" "public"."device_grade" NOT NULL, "available_before" integer NOT NULL, "available_after" integer NOT NULL, "reserved_before" integer NOT NULL, "reserved_after" integer NOT NULL, "corrected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3501030e3239bb02fa85fb83944" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_stock_drift_refurbisher_corrected" ON "stock_drift"  ("refurbisher_id", "corrected_at") `);
    await queryRunner.query(
      `ALTER TABLE "reconciliation" ADD CONSTRAINT "FK_8a815d1b2fc5f729d959045e764" FOREIGN KEY ("refurbisher_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reconciliation" ADD CONSTRAINT "FK_0ea1ff610e5ea58734e495b40f2" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reconciliation_discrepancy" ADD CONSTRAINT "FK_0eaac528d331d4d5412acf7c528" FOREIGN KEY ("reconciliation_id") REFERENCES "reconciliation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reconciliation_discrepancy" ADD CONSTRAINT "FK_9af9f2a95acd76ab7d6aaab09bb" FOREIGN KEY ("device_id") REFERENCES "device"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_drift" ADD CONSTRAINT "FK_844ec3d120aa3134718b52bf4fb" FOREIGN KEY ("refurbisher_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Added by hand. What a count found and what the job corrected are evidence, as the stock
    // ledger is: append-only (refuse_append_only_change comes with the Refurbishing migration).
    for (const table of ['reconciliation_discrepancy', 'stock_drift']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['reconciliation_discrepancy', 'stock_drift']) {
      await queryRunner.query(`DROP TRIGGER ${table}_append_only ON "${table}"`);
    }
    await queryRunner.query(`ALTER TABLE "stock_drift" DROP CONSTRAINT "FK_844ec3d120aa3134718b52bf4fb"`);
    await queryRunner.query(`ALTER TABLE "reconciliation_discrepancy" DROP CONSTRAINT "FK_9af9f2a95acd76ab7d6aaab09bb"`);
    await queryRunner.query(`ALTER TABLE "reconciliation_discrepancy" DROP CONSTRAINT "FK_0eaac528d331d4d5412acf7c528"`);
    await queryRunner.query(`ALTER TABLE "reconciliation" DROP CONSTRAINT "FK_0ea1ff610e5ea58734e495b40f2"`);
    await queryRunner.query(`ALTER TABLE "reconciliation" DROP CONSTRAINT "FK_8a815d1b2fc5f729d959045e764"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_stock_drift_refurbisher_corrected"`);
    await queryRunner.query(`DROP TABLE "stock_drift"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_reconciliation_discrepancy_serial"`);
    await queryRunner.query(`DROP TABLE "reconciliation_discrepancy"`);
    await queryRunner.query(`DROP TYPE "public"."discrepancy_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_reconciliation_refurbisher_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_reconciliation_region_created"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_reconciliation_open"`);
    await queryRunner.query(`DROP TABLE "reconciliation"`);
    await queryRunner.query(`DROP TYPE "public"."reconciliation_status"`);
  }
}
