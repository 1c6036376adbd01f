import { MigrationInterface, QueryRunner } from 'typeorm';

export class Pickups1795429693691 implements MigrationInterface {
  name = 'Pickups1795429693691';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."pickup_status" AS ENUM('SCHEDULED', 'COMPLETED', 'MISSED', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TABLE "pickup" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "lot_id" uuid NOT NULL, "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" "public"."pickup_status" NOT NULL DEFAULT 'SCHEDULED', "collected_quantity" integer, "shortfall" integer, "completed_at" TIMESTAMP WITH TIME ZONE, "reminded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c432b21125ffd974cd0b1624f04" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_pickup_scheduled_due" ON "pickup"  ("scheduled_at") WHERE "status" = 'SCHEDULED'`);
    await queryRunner.query(`CREATE INDEX "IDX_2956b81daf5c4ffa983dd63e63" ON "pickup"  ("lot_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_pickup_live_per_lot" ON "pickup"  ("lot_id") WHERE "status" = 'SCHEDULED'`);
    await queryRunner.query(
      `ALTER TABLE "pickup" ADD CONSTRAINT "FK_72ba09b583acd4e9df91c348611" FOREIGN KEY ("lot_id") REFERENCES "lot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pickup" DROP CONSTRAINT "FK_72ba09b583acd4e9df91c348611"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_pickup_live_per_lot"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2956b81daf5c4ffa983dd63e63"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_pickup_scheduled_due"`);
    await queryRunner.query(`DROP TABLE "pickup"`);
    await queryRunner.query(`DROP TYPE "public"."pickup_status"`);
  }
}
