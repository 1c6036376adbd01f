import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written. CHECK constraints on what callers give (quantities, capacities, radius, specs,
 * order minimums) and on the counts derived from it: the DTOs refuse bad values first, these are
 * the last line should a path skip them (a list argument did: a capacity of -5 was stored).
 * Declared on the entities with @Check under the same names.
 */
export class InputChecks1795433400000 implements MigrationInterface {
  name = 'InputChecks1795433400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Values the API let through before these rules: a negative capacity meant none, a radius of 0 served nobody.
    await queryRunner.query(`UPDATE "refurbisher_capacity" SET "weekly_capacity" = 0 WHERE "weekly_capacity" < 0`);
    await queryRunner.query(`UPDATE "organization" SET "service_radius_km" = NULL WHERE NOT ("service_radius_km" > 0 AND "service_radius_km" <= 20000)`);
    await queryRunner.query(
      `ALTER TABLE "organization" ADD CONSTRAINT "CHK_organization_service_radius" CHECK ("service_radius_km" IS NULL OR ("service_radius_km" > 0 AND "service_radius_km" <= 20000))`,
    );
    await queryRunner.query(`ALTER TABLE "refurbisher_capacity" ADD CONSTRAINT "CHK_refurbisher_capacity_weekly" CHECK ("weekly_capacity" >= 0)`);
    await queryRunner.query(`ALTER TABLE "donation_line" ADD CONSTRAINT "CHK_donation_line_quantity" CHECK ("quantity" > 0)`);
    await queryRunner.query(`ALTER TABLE "donation_line" ADD CONSTRAINT "CHK_donation_line_year" CHECK ("year" IS NULL OR "year" BETWEEN 1980 AND 2100)`);
    await queryRunner.query(`ALTER TABLE "lot_item" ADD CONSTRAINT "CHK_lot_item_quantity" CHECK ("quantity" > 0)`);
    await queryRunner.query(`ALTER TABLE "lot" ADD CONSTRAINT "CHK_lot_quantity" CHECK ("quantity" > 0 AND "distance_km" >= 0)`);
    await queryRunner.query(
      `ALTER TABLE "pickup" ADD CONSTRAINT "CHK_pickup_quantities" CHECK (("collected_quantity" IS NULL OR "collected_quantity" > 0) AND ("shortfall" IS NULL OR "shortfall" >= 0))`,
    );
    await queryRunner.query(
      `ALTER TABLE "lot_intake_item" ADD CONSTRAINT "CHK_lot_intake_item_quantities" CHECK ("declared_quantity" >= 0 AND "received_quantity" >= 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE "lot_intake" ADD CONSTRAINT "CHK_lot_intake_quantities" CHECK ("declared_quantity" >= 0 AND "received_quantity" >= 0 AND ("collected_quantity" IS NULL OR "collected_quantity" >= 0))`,
    );
    await queryRunner.query(
      `ALTER TABLE "device" ADD CONSTRAINT "CHK_device_specs" CHECK (("specs_ram_gb" IS NULL OR "specs_ram_gb" >= 0) AND ("specs_storage_gb" IS NULL OR "specs_storage_gb" >= 0) AND ("specs_screen_inches" IS NULL OR ("specs_screen_inches" > 0 AND "specs_screen_inches" <= 200)))`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_line" ADD CONSTRAINT "CHK_order_line_minimums" CHECK (("min_ram_gb" IS NULL OR "min_ram_gb" >= 0) AND ("min_storage_gb" IS NULL OR "min_storage_gb" >= 0))`,
    );
    await queryRunner.query(
      `ALTER TABLE "reconciliation" ADD CONSTRAINT "CHK_reconciliation_counts" CHECK ("expected_quantity" >= 0 AND "counted_quantity" >= 0 AND "missing_quantity" >= 0 AND "unexpected_quantity" >= 0)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reconciliation" DROP CONSTRAINT "CHK_reconciliation_counts"`);
    await queryRunner.query(`ALTER TABLE "order_line" DROP CONSTRAINT "CHK_order_line_minimums"`);
    await queryRunner.query(`ALTER TABLE "device" DROP CONSTRAINT "CHK_device_specs"`);
    await queryRunner.query(`ALTER TABLE "lot_intake" DROP CONSTRAINT "CHK_lot_intake_quantities"`);
    await queryRunner.query(`ALTER TABLE "lot_intake_item" DROP CONSTRAINT "CHK_lot_intake_item_quantities"`);
    await queryRunner.query(`ALTER TABLE "pickup" DROP CONSTRAINT "CHK_pickup_quantities"`);
    await queryRunner.query(`ALTER TABLE "lot" DROP CONSTRAINT "CHK_lot_quantity"`);
    await queryRunner.query(`ALTER TABLE "lot_item" DROP CONSTRAINT "CHK_lot_item_quantity"`);
    await queryRunner.query(`ALTER TABLE "donation_line" DROP CONSTRAINT "CHK_donation_line_year"`);
    await queryRunner.query(`ALTER TABLE "donation_line" DROP CONSTRAINT "CHK_donation_line_quantity"`);
    await queryRunner.query(`ALTER TABLE "refurbisher_capacity" DROP CONSTRAINT "CHK_refurbisher_capacity_weekly"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP CONSTRAINT "CHK_organization_service_radius"`);
  }
}
