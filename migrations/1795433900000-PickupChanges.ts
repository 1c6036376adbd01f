import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The history of each pickup (scheduled, rescheduled, cancelled, completed, missed), append-only.
 * Pickups that exist already get one SCHEDULED entry at their creation, and their current end
 * when they have one, so that no pickup shows an empty history.
 */
export class PickupChanges1795433900000 implements MigrationInterface {
  name = 'PickupChanges1795433900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."pickup_change_kind" AS ENUM('SCHEDULED', 'RESCHEDULED', 'CANCELLED', 'COMPLETED', 'MISSED')`);
    await queryRunner.query(
      `CREATE TABLE "pickup_change" ("id" BIGSERIAL NOT NULL, "pickup_id" uuid NOT NULL, "kind" "public"."pickup_change_kind" NOT NULL, "from_scheduled_at" TIMESTAMP WITH TIME ZONE, "to_scheduled_at" TIMESTAMP WITH TIME ZONE, "reason" character varying(500), "actor_user_id" uuid, "organization_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_66dace45a01cb359e9126e52a44" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_73da4a270a2055ee75e5968256" ON "pickup_change" ("pickup_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "pickup_change" ADD CONSTRAINT "FK_3379ef54b43c29bcf555524a966" FOREIGN KEY ("pickup_id") REFERENCES "pickup"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "pickup_change" ("pickup_id", "kind", "to_scheduled_at", "created_at") SELECT "id", 'SCHEDULED', "scheduled_at", "created_at" FROM "pickup"`,
    );
    await queryRunner.query(
      `INSERT INTO "pickup_change" ("pickup_id", "kind", "from_scheduled_at", "created_at")
       SELECT "id", "status"::text::"public"."pickup_change_kind", "scheduled_at", coalesce("completed_at", now()) FROM "pickup" WHERE "status" <> 'SCHEDULED'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pickup_change" DROP CONSTRAINT "FK_3379ef54b43c29bcf555524a966"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_73da4a270a2055ee75e5968256"`);
    await queryRunner.query(`DROP TABLE "pickup_change"`);
    await queryRunner.query(`DROP TYPE "public"."pickup_change_kind"`);
  }
}
