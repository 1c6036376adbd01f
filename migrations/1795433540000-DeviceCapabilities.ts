import { MigrationInterface, QueryRunner } from 'typeorm';

/** What grading found working (battery, webcam, microphone, the whole checklist), for matching to filter on. */
export class DeviceCapabilities1795433540000 implements MigrationInterface {
  name = 'DeviceCapabilities1795433540000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "device"
        ADD "battery_health_percent" smallint,
        ADD "webcam_works" boolean,
        ADD "microphone_works" boolean,
        ADD "checklist" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "device" ADD CONSTRAINT "CHK_device_battery_health" CHECK ("battery_health_percent" IS NULL OR ("battery_health_percent" >= 0 AND "battery_health_percent" <= 100))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "device" DROP CONSTRAINT "CHK_device_battery_health"`);
    await queryRunner.query(
      `ALTER TABLE "device" DROP COLUMN "checklist", DROP COLUMN "microphone_works", DROP COLUMN "webcam_works", DROP COLUMN "battery_health_percent"`,
    );
  }
}
