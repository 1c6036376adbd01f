import { MigrationInterface, QueryRunner } from 'typeorm';

export class Donations1795428949382 implements MigrationInterface {
  name = 'Donations1795428949382';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // References such as DON-2026-000123 are numbered by sequences: unique under concurrency.
    await queryRunner.query(`CREATE SEQUENCE donation_reference_seq`);
    await queryRunner.query(`CREATE SEQUENCE lot_reference_seq`);
    await queryRunner.query(`CREATE TYPE "public"."donation_status" AS ENUM('DECLARED', 'ROUTED', 'COLLECTED', 'PROCESSED', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TABLE "donation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" character varying(20) NOT NULL, "donor_id" uuid NOT NULL, "region_id" uuid NOT NULL, "status" "public"."donation_status" NOT NULL DEFAULT 'DECLARED', "available_from" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "cancelled_at" TIMESTAMP WITH TIME ZONE, "pickup_address_street" character varying(200), "pickup_address_postal_code" character varying(10) NOT NULL, "pickup_address_city" character varying(120) NOT NULL, "pickup_address_location_lat" double precision NOT NULL, "pickup_address_location_lon" double precision NOT NULL, CONSTRAINT "UQ_ec551b99fde7cc658087f490999" UNIQUE ("reference"), CONSTRAINT "PK_25fb5a541964bc5cfc18fb13a82" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_03338f75e9631ffdafec90b6d0" ON "donation"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4f7034747ab0de5940e4886a2c" ON "donation"  ("donor_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_4d0aabf8c0f5660c1cf0c45736" ON "donation"  ("region_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "donation_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "donation_id" uuid NOT NULL, "position" integer NOT NULL, "category" "public"."device_category" NOT NULL, "quantity" integer NOT NULL, "brand" character varying(100), "model" character varying(100), "year" integer, "data_bearing" boolean NOT NULL, CONSTRAINT "PK_238485e3f9cf3f94d612e434eea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_73b5757d88a5eb48809813c6c5" ON "donation_line"  ("donation_id", "position") `);
    await queryRunner.query(
      `CREATE TYPE "public"."lot_status" AS ENUM('OFFERED', 'CLAIMED', 'PICKUP_SCHEDULED', 'COLLECTED', 'RECEIVED', 'CLOSED', 'DECLINED', 'EXPIRED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "lot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" character varying(20) NOT NULL, "donation_id" uuid NOT NULL, "refurbisher_id" uuid NOT NULL, "region_id" uuid NOT NULL, "status" "public"."lot_status" NOT NULL, "quantity" integer NOT NULL, "distance_km" double precision NOT NULL, "offer_expires_at" TIMESTAMP WITH TIME ZONE, "decline_reason" character varying(500), "claimed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_407ea46b3c54588f87205390faf" UNIQUE ("reference"), CONSTRAINT "PK_2ba293e2165c7b93cd766c8ac9b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_bf921af149148a85c07022a1fa" ON "lot"  ("region_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_a440bf64b0f4b6803a4b4c334f" ON "lot"  ("status", "offer_expires_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_a84b14d5b3b49065670df2f1e8" ON "lot"  ("donation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_0da04ca690ed15579d67cfb439" ON "lot"  ("refurbisher_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "lot_item" ("lot_id" uuid NOT NULL, "category" "public"."device_category" NOT NULL, "quantity" integer NOT NULL, CONSTRAINT "PK_b2d312c6212d7bd5427f4d05205" PRIMARY KEY ("lot_id", "category"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "lot_refusal" ("donation_id" uuid NOT NULL, "refurbisher_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_69874caedf7bb3094de5d3ad79b" PRIMARY KEY ("donation_id", "refurbisher_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "donation" ADD CONSTRAINT "FK_51ffe830b623e7290b6268853e4" FOREIGN KEY ("donor_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "donation" ADD CONSTRAINT "FK_db4812e58d83306df34dd226210" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "donation_line" ADD CONSTRAINT "FK_34ec4f7ed08ad8e71cde4fb9a65" FOREIGN KEY ("donation_id") REFERENCES "donation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lot" ADD CONSTRAINT "FK_a84b14d5b3b49065670df2f1e81" FOREIGN KEY ("donation_id") REFERENCES "donation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lot" ADD CONSTRAINT "FK_aef099ef6862dd4d8652a1e5896" FOREIGN KEY ("refurbisher_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lot_item" ADD CONSTRAINT "FK_e8f52e5f530c7e697984575245d" FOREIGN KEY ("lot_id") REFERENCES "lot"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE lot_reference_seq`);
    await queryRunner.query(`DROP SEQUENCE donation_reference_seq`);
    await queryRunner.query(`ALTER TABLE "lot_item" DROP CONSTRAINT "FK_e8f52e5f530c7e697984575245d"`);
    await queryRunner.query(`ALTER TABLE "lot" DROP CONSTRAINT "FK_aef099ef6862dd4d8652a1e5896"`);
    await queryRunner.query(`ALTER TABLE "lot" DROP CONSTRAINT "FK_a84b14d5b3b49065670df2f1e81"`);
    await queryRunner.query(`ALTER TABLE "donation_line" DROP CONSTRAINT "FK_34ec4f7ed08ad8e71cde4fb9a65"`);
    await queryRunner.query(`ALTER TABLE "donation" DROP CONSTRAINT "FK_db4812e58d83306df34dd226210"`);
    await queryRunner.query(`ALTER TABLE "donation" DROP CONSTRAINT "FK_51ffe830b623e7290b6268853e4"`);
    await queryRunner.query(`DROP TABLE "lot_refusal"`);
    await queryRunner.query(`DROP TABLE "lot_item"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0da04ca690ed15579d67cfb439"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a84b14d5b3b49065670df2f1e8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a440bf64b0f4b6803a4b4c334f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bf921af149148a85c07022a1fa"`);
    await queryRunner.query(`DROP TABLE "lot"`);
    await queryRunner.query(`DROP TYPE "public"."lot_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_73b5757d88a5eb48809813c6c5"`);
    await queryRunner.query(`DROP TABLE "donation_line"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4d0aabf8c0f5660c1cf0c45736"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4f7034747ab0de5940e4886a2c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_03338f75e9631ffdafec90b6d0"`);
    await queryRunner.query(`DROP TABLE "donation"`);
    await queryRunner.query(`DROP TYPE "public"."donation_status"`);
  }
}
