import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The region dashboard's daily counters (libs/reporting/src/flows). A network that already holds
 * data gets them filled by the first `recount-dashboards` run (nightly, or enqueued by hand).
 */
export class RegionFlows1795433200000 implements MigrationInterface {
  name = 'RegionFlows1795433200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "region_daily_flow" (
      "region_id" uuid NOT NULL, "day" date NOT NULL,
      "declared" integer NOT NULL DEFAULT 0, "collected" integer NOT NULL DEFAULT 0, "refurbished" integer NOT NULL DEFAULT 0,
      "delivered" integer NOT NULL DEFAULT 0, "recycled" integer NOT NULL DEFAULT 0, "ordered" integer NOT NULL DEFAULT 0,
      "allocated" integer NOT NULL DEFAULT 0,
      CONSTRAINT "PK_region_daily_flow" PRIMARY KEY ("region_id", "day"))`);
    await queryRunner.query(`CREATE TABLE "region_daily_reuse" (
      "region_id" uuid NOT NULL, "day" date NOT NULL, "category" "public"."device_category" NOT NULL,
      "refurbished" integer NOT NULL DEFAULT 0,
      CONSTRAINT "PK_region_daily_reuse" PRIMARY KEY ("region_id", "day", "category"))`);
    await queryRunner.query(`CREATE TABLE "region_daily_lead_time" (
      "region_id" uuid NOT NULL, "day" date NOT NULL, "kind" character varying(30) NOT NULL, "bucket_hours" integer NOT NULL,
      "samples" integer NOT NULL DEFAULT 0,
      CONSTRAINT "PK_region_daily_lead_time" PRIMARY KEY ("region_id", "day", "kind", "bucket_hours"))`);
    await queryRunner.query(`CREATE TABLE "region_monthly_lead_time" (
      "region_id" uuid NOT NULL, "month" date NOT NULL, "kind" character varying(30) NOT NULL, "bucket_hours" integer NOT NULL,
      "samples" integer NOT NULL DEFAULT 0,
      CONSTRAINT "PK_region_monthly_lead_time" PRIMARY KEY ("region_id", "month", "kind", "bucket_hours"))`);
    for (const table of ['region_daily_flow', 'region_daily_reuse', 'region_daily_lead_time', 'region_monthly_lead_time']) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "FK_${table}_region" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "region_monthly_lead_time"`);
    await queryRunner.query(`DROP TABLE "region_daily_lead_time"`);
    await queryRunner.query(`DROP TABLE "region_daily_reuse"`);
    await queryRunner.query(`DROP TABLE "region_daily_flow"`);
  }
}
