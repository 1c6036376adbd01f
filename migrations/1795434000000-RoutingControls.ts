import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the coordinator's routing controls record on a lot: devices added to it after its claim
 * (a later run or a manual assignment grows the open lot of a donation instead of making a second
 * trip), when it last grew, and the lot its devices went to when it was reassigned. The index serves
 * the stuck-work list (lots of a region claimed long ago and not collected).
 */
export class RoutingControls1795434000000 implements MigrationInterface {
  name = 'RoutingControls1795434000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "lot"
        ADD "added_after_claim" integer NOT NULL DEFAULT 0,
        ADD "grown_at" TIMESTAMP WITH TIME ZONE,
        ADD "reassigned_to_lot_id" uuid`);
    await queryRunner.query(`CREATE INDEX "IDX_lot_region_status_claimed" ON "lot" ("region_id", "status", "claimed_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_lot_region_status_claimed"`);
    await queryRunner.query(`
      ALTER TABLE "lot"
        DROP COLUMN "reassigned_to_lot_id",
        DROP COLUMN "grown_at",
        DROP COLUMN "added_after_claim"`);
  }
}
