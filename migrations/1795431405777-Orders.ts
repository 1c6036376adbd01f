import { MigrationInterface, QueryRunner } from 'typeorm';

export class Orders1795431405777 implements MigrationInterface {
  name = 'Orders1795431405777';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Added by hand. Order references (ORD-2026-000123) are numbered by a sequence: unique under concurrency.
    await queryRunner.query(`CREATE SEQUENCE partner_order_reference_seq`);
    await queryRunner.query(`CREATE TYPE "public"."order_status" AS ENUM('OPEN', 'ALLOCATED', 'SHIPPED', 'DELIVERED', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TABLE "partner_order" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" character varying(20) NOT NULL, "partner_id" uuid NOT NULL, "region_id" uuid NOT NULL, "status" "public"."order_status" NOT NULL DEFAULT 'OPEN', "needed_by" TIMESTAMP WITH TIME ZONE, "submitted_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "cancelled_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "UQ_d0cac89c6fa06232d6ca3a90546" UNIQUE ("reference"), CONSTRAINT "PK_671df97aebd4d722514f4c9d180" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a4a1f89d93d4e60d07bcc9ef2c" ON "partner_order"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_938e97d457642e537d40b0d197" ON "partner_order"  ("partner_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_2bbaaafe9804b9bd051f9e5999" ON "partner_order"  ("region_id", "status") `);
    await queryRunner.query(
      `CREATE TYPE "public"."beneficiary_profile" AS ENUM('PUPIL', 'STUDENT', 'DESIGN_STUDENT', 'JOB_SEEKER', 'SENIOR', 'FAMILY', 'ASSOCIATION', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "order_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "region_id" uuid NOT NULL, "position" integer NOT NULL, "category" "public"."device_category" NOT NULL, "quantity" integer NOT NULL, "profile" "public"."beneficiary_profile" NOT NULL, "min_ram_gb" integer, "min_storage_gb" integer, "require_ssd" boolean NOT NULL DEFAULT false, "min_grade" "public"."device_grade", "priority" integer NOT NULL DEFAULT '0', "allocated_quantity" integer NOT NULL DEFAULT '0', "shipped_quantity" integer NOT NULL DEFAULT '0', "delivered_quantity" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_order_line_counters" CHECK ("quantity" > 0 AND 0 <= "delivered_quantity" AND "delivered_quantity" <= "shipped_quantity" AND "shipped_quantity" <= "allocated_quantity" AND "allocated_quantity" <= "quantity"), CONSTRAINT "PK_01a7c973d9f30479647e44f9892" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_order_line_unfilled" ON "order_line"  ("region_id") WHERE "allocated_quantity" < "quantity"`);
    await queryRunner.query(`CREATE INDEX "IDX_d5cb67d18ff7d2e749366dfa29" ON "order_line"  ("order_id", "position") `);
    await queryRunner.query(
      `CREATE TABLE "beneficiary_reference" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "device_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "order_id" uuid NOT NULL, "order_line_id" uuid NOT NULL, "reference" character varying(64) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "recorded_by" uuid, CONSTRAINT "UQ_5d3541c1eb53c9c039aaedd9d8a" UNIQUE ("device_id"), CONSTRAINT "PK_d29b8aa7f83812eb3a342e9b0fd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e3ee1e19de564dd9ee3a577095" ON "beneficiary_reference"  ("order_line_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b71f99e7e0badc5787030111a8" ON "beneficiary_reference"  ("partner_id", "reference") `);
    await queryRunner.query(
      `CREATE TABLE "order_line_device" ("id" BIGSERIAL NOT NULL, "order_line_id" uuid NOT NULL, "order_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "device_id" uuid NOT NULL, "reserved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "shipped_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "released_at" TIMESTAMP WITH TIME ZONE, "release_reason" character varying(20), CONSTRAINT "PK_87dcf217454913740de8b078dd4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a945c500ab159b348589279308" ON "order_line_device"  ("partner_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c1974333c6c293134ae54bd7c6" ON "order_line_device"  ("order_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_order_line_device_unshipped" ON "order_line_device"  ("reserved_at") WHERE "released_at" IS NULL AND "shipped_at" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_order_line_device_live_line" ON "order_line_device"  ("order_line_id") WHERE "released_at" IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_order_line_device_live" ON "order_line_device"  ("device_id") WHERE "released_at" IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "partner_order" ADD CONSTRAINT "FK_78fc01a72d27f0b5030e905c2af" FOREIGN KEY ("partner_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_order" ADD CONSTRAINT "FK_21bf5d41a629eface779366bce6" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_line" ADD CONSTRAINT "FK_ed8fae6d7239e9d730219215af7" FOREIGN KEY ("order_id") REFERENCES "partner_order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "beneficiary_reference" ADD CONSTRAINT "FK_5d3541c1eb53c9c039aaedd9d8a" FOREIGN KEY ("device_id") REFERENCES "device"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "beneficiary_reference" ADD CONSTRAINT "FK_541ff1f2b753810917a5b95b190" FOREIGN KEY ("partner_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "beneficiary_reference" ADD CONSTRAINT "FK_a37eb513e14bafca92507466548" FOREIGN KEY ("order_id") REFERENCES "partner_order"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "beneficiary_reference" ADD CONSTRAINT "FK_e3ee1e19de564dd9ee3a577095e" FOREIGN KEY ("order_line_id") REFERENCES "order_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_line_device" ADD CONSTRAINT "FK_bd086dd02a79ccbbd32f1d2c908" FOREIGN KEY ("order_line_id") REFERENCES "order_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_line_device" ADD CONSTRAINT "FK_c1974333c6c293134ae54bd7c6f" FOREIGN KEY ("order_id") REFERENCES "partner_order"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_line_device" ADD CONSTRAINT "FK_a945c500ab159b348589279308e" FOREIGN KEY ("partner_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_line_device" ADD CONSTRAINT "FK_2dc9f511d1a7397396a2b03a6d5" FOREIGN KEY ("device_id") REFERENCES "device"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order_line_device" DROP CONSTRAINT "FK_2dc9f511d1a7397396a2b03a6d5"`);
    await queryRunner.query(`ALTER TABLE "order_line_device" DROP CONSTRAINT "FK_a945c500ab159b348589279308e"`);
    await queryRunner.query(`ALTER TABLE "order_line_device" DROP CONSTRAINT "FK_c1974333c6c293134ae54bd7c6f"`);
    await queryRunner.query(`ALTER TABLE "order_line_device" DROP CONSTRAINT "FK_bd086dd02a79ccbbd32f1d2c908"`);
    await queryRunner.query(`ALTER TABLE "beneficiary_reference" DROP CONSTRAINT "FK_e3ee1e19de564dd9ee3a577095e"`);
    await queryRunner.query(`ALTER TABLE "beneficiary_reference" DROP CONSTRAINT "FK_a37eb513e14bafca92507466548"`);
    await queryRunner.query(`ALTER TABLE "beneficiary_reference" DROP CONSTRAINT "FK_541ff1f2b753810917a5b95b190"`);
    await queryRunner.query(`ALTER TABLE "beneficiary_reference" DROP CONSTRAINT "FK_5d3541c1eb53c9c039aaedd9d8a"`);
    await queryRunner.query(`ALTER TABLE "order_line" DROP CONSTRAINT "FK_ed8fae6d7239e9d730219215af7"`);
    await queryRunner.query(`ALTER TABLE "partner_order" DROP CONSTRAINT "FK_21bf5d41a629eface779366bce6"`);
    await queryRunner.query(`ALTER TABLE "partner_order" DROP CONSTRAINT "FK_78fc01a72d27f0b5030e905c2af"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_order_line_device_live"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_order_line_device_live_line"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_order_line_device_unshipped"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c1974333c6c293134ae54bd7c6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a945c500ab159b348589279308"`);
    await queryRunner.query(`DROP TABLE "order_line_device"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b71f99e7e0badc5787030111a8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e3ee1e19de564dd9ee3a577095"`);
    await queryRunner.query(`DROP TABLE "beneficiary_reference"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d5cb67d18ff7d2e749366dfa29"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_order_line_unfilled"`);
    await queryRunner.query(`DROP TABLE "order_line"`);
    await queryRunner.query(`DROP TYPE "public"."beneficiary_profile"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2bbaaafe9804b9bd051f9e5999"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_938e97d457642e537d40b0d197"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a4a1f89d93d4e60d07bcc9ef2c"`);
    await queryRunner.query(`DROP TABLE "partner_order"`);
    await queryRunner.query(`DROP TYPE "public"."order_status"`);
    await queryRunner.query(`DROP SEQUENCE partner_order_reference_seq`);
  }
}
