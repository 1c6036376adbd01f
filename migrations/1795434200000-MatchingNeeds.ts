import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What matching needs to serve fragile people well: order lines' capability needs (webcam,
 * microphone, an OS, a battery minimum) and their own needed-by date, and each region's grade
 * floors per beneficiary profile. Existing lines need nothing more than before.
 */
export class MatchingNeeds1795434200000 implements MigrationInterface {
  name = 'MatchingNeeds1795434200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "order_line"
        ADD "needs_webcam" boolean NOT NULL DEFAULT false,
        ADD "needs_microphone" boolean NOT NULL DEFAULT false,
        ADD "needs_os" boolean NOT NULL DEFAULT false,
        ADD "min_battery_health_percent" smallint,
        ADD "needed_by" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "order_line" ADD CONSTRAINT "CHK_order_line_battery" CHECK ("min_battery_health_percent" IS NULL OR ("min_battery_health_percent" >= 0 AND "min_battery_health_percent" <= 100))`,
    );
    await queryRunner.query(`
      CREATE TABLE "matching_grade_floor" (
        "region_id" uuid NOT NULL,
        "profile" "public"."beneficiary_profile" NOT NULL,
        "min_grade" "public"."device_grade",
        "updated_by" uuid,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_matching_grade_floor" PRIMARY KEY ("region_id", "profile"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "matching_grade_floor"`);
    await queryRunner.query(`ALTER TABLE "order_line" DROP CONSTRAINT "CHK_order_line_battery"`);
    await queryRunner.query(`
      ALTER TABLE "order_line"
        DROP COLUMN "needed_by",
        DROP COLUMN "min_battery_health_percent",
        DROP COLUMN "needs_os",
        DROP COLUMN "needs_microphone",
        DROP COLUMN "needs_webcam"`);
  }
}
