import { MigrationInterface, QueryRunner } from 'typeorm';

export class Refurbishing1795430752192 implements MigrationInterface {
  name = 'Refurbishing1795430752192';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."device_grade" AS ENUM('A', 'B', 'C')`);
    await queryRunner.query(
      `CREATE TYPE "public"."device_status" AS ENUM('RECEIVED', 'WIPED', 'IN_STOCK', 'RESERVED', 'SHIPPED', 'DELIVERED', 'RECYCLED', 'MISSING')`,
    );
    await queryRunner.query(
      `CREATE TABLE "device" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "serial_number" character varying(100) NOT NULL, "category" "public"."device_category" NOT NULL, "brand" character varying(100), "model" character varying(100), "grade" "public"."device_grade", "status" "public"."device_status" NOT NULL DEFAULT 'RECEIVED', "data_bearing" boolean NOT NULL, "recycle_reason" character varying(500), "lot_id" uuid NOT NULL, "donation_id" uuid NOT NULL, "donor_id" uuid NOT NULL, "refurbisher_id" uuid NOT NULL, "region_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "specs_cpu" character varying(100), "specs_ram_gb" integer, "specs_storage_gb" integer, "specs_ssd" boolean, "specs_screen_inches" real, "specs_os" character varying(100), CONSTRAINT "UQ_c7f756679d925ed3d51af6cb8f2" UNIQUE ("serial_number"), CONSTRAINT "PK_2dc10972aa4e27c01378dad2c72" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c3e35b2621444c652b25e6635d" ON "device"  ("donation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_80779718a58846216a32b5433c" ON "device"  ("lot_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_3ac20619b3a7b57bdfbe5113d0" ON "device"  ("donor_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_ea051f1df904579cfc5f74b2b1" ON "device"  ("refurbisher_id", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_ff8ec89ca64e513b1d8b9859f0" ON "device"  ("refurbisher_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_3aa68866632b4580d04b082b7d" ON "device"  ("region_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_ae9c6d3044795aed1fd9afc654" ON "device"  ("created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "custody_event" ("id" BIGSERIAL NOT NULL, "device_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "action" character varying(40) NOT NULL, "from_status" "public"."device_status", "to_status" "public"."device_status", "actor" character varying(254), "actor_user_id" uuid, "organization_id" uuid, "detail" character varying(500), CONSTRAINT "PK_da6996199f63fb40fa47ef3e85d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1babddfb4b4ab43b4b9a0b283a" ON "custody_event"  ("device_id", "id") `);
    await queryRunner.query(`CREATE TYPE "public"."erasure_method" AS ENUM('NIST_800_88_CLEAR', 'NIST_800_88_PURGE', 'PHYSICAL_DESTRUCTION', 'NO_STORAGE')`);
    await queryRunner.query(
      `CREATE TABLE "erasure_record" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "device_id" uuid NOT NULL, "method" "public"."erasure_method" NOT NULL, "performed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "operator" character varying(200) NOT NULL, "certificate_number" character varying(20) NOT NULL, "verified" boolean NOT NULL, "recorded_by" uuid, "organization_id" uuid, CONSTRAINT "UQ_0e15cfcb3f18d267b407fe6c42a" UNIQUE ("certificate_number"), CONSTRAINT "PK_438c9d94c42c1ff1b5b815a2699" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ce24c878b25194e5ca007fc3ea" ON "erasure_record"  ("device_id", "performed_at") `);
    await queryRunner.query(
      `CREATE TABLE "lot_intake" ("lot_id" uuid NOT NULL, "donation_id" uuid NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "received_by" uuid, "declared_quantity" integer NOT NULL, "collected_quantity" integer, "received_quantity" integer NOT NULL, "open_quantity" integer NOT NULL, CONSTRAINT "CHK_lot_intake_open_quantity" CHECK ("open_quantity" >= 0 AND "open_quantity" <= "received_quantity"), CONSTRAINT "PK_8e47826f6b36f61b4bc322253df" PRIMARY KEY ("lot_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e83dc5b185b05085561c6de408" ON "lot_intake"  ("donation_id") `);
    await queryRunner.query(
      `CREATE TABLE "lot_intake_item" ("lot_id" uuid NOT NULL, "category" "public"."device_category" NOT NULL, "declared_quantity" integer NOT NULL, "received_quantity" integer NOT NULL, CONSTRAINT "PK_c577f834a4eac6ba4af85bd40c1" PRIMARY KEY ("lot_id", "category"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "stock_level" ("refurbisher_id" uuid NOT NULL, "category" "public"."device_category" NOT NULL, "grade" "public"."device_grade" NOT NULL, "region_id" uuid NOT NULL, "available" integer NOT NULL DEFAULT '0', "reserved" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_stock_level_not_negative" CHECK ("available" >= 0 AND "reserved" >= 0), CONSTRAINT "PK_3dc118547401eb5d903ee7814cc" PRIMARY KEY ("refurbisher_id", "category", "grade"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_fbcc0304bf6f5ae94e81e259ca" ON "stock_level"  ("region_id") `);
    await queryRunner.query(
      `CREATE TABLE "stock_movement" ("id" BIGSERIAL NOT NULL, "device_id" uuid NOT NULL, "refurbisher_id" uuid NOT NULL, "region_id" uuid NOT NULL, "category" "public"."device_category" NOT NULL, "grade" "public"."device_grade" NOT NULL, "kind" character varying(20) NOT NULL, "available_delta" integer NOT NULL, "reserved_delta" integer NOT NULL, "actor_user_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9fe1232f916686ae8cf00294749" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_984148f1a558549d297fd60333" ON "stock_movement"  ("device_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d48743efd11d1ad3021363558f" ON "stock_movement"  ("refurbisher_id", "at") `);
    await queryRunner.query(
      `ALTER TABLE "device" ADD CONSTRAINT "FK_80779718a58846216a32b5433cc" FOREIGN KEY ("lot_id") REFERENCES "lot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "device" ADD CONSTRAINT "FK_c3e35b2621444c652b25e6635dd" FOREIGN KEY ("donation_id") REFERENCES "donation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "device" ADD CONSTRAINT "FK_2b18552679bf1817f3dc998b018" FOREIGN KEY ("donor_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "device" ADD CONSTRAINT "FK_902bb89c159c76ea8f752af92ce" FOREIGN KEY ("refurbisher_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "device" ADD CONSTRAINT "FK_7e3e2ceffeed9c996ad5f112fa6" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "custody_event" ADD CONSTRAINT "FK_8d3e9dbb5ee32a4d12d456929cc" FOREIGN KEY ("device_id") REFERENCES "device"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "erasure_record" ADD CONSTRAINT "FK_1b57d75e97fb4cbd4c21a0cf98c" FOREIGN KEY ("device_id") REFERENCES "device"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lot_intake" ADD CONSTRAINT "FK_8e47826f6b36f61b4bc322253df" FOREIGN KEY ("lot_id") REFERENCES "lot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lot_intake_item" ADD CONSTRAINT "FK_a80e629b0a279ec9b9041c4a1a7" FOREIGN KEY ("lot_id") REFERENCES "lot_intake"("lot_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // Added by hand. Erasure certificates (ERA-2026-000001) are numbered by a sequence: unique under concurrency.
    await queryRunner.query(`CREATE SEQUENCE erasure_certificate_seq`);
    // The chain of custody, the stock ledger and the erasure records are evidence: append-only.
    // Row triggers refuse UPDATE and DELETE whoever issues them (TRUNCATE, for throw-away test
    // databases, is a table operation and stays possible for the owner).
    await queryRunner.query(`CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['custody_event', 'stock_movement', 'erasure_record']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['custody_event', 'stock_movement', 'erasure_record']) {
      await queryRunner.query(`DROP TRIGGER ${table}_append_only ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION refuse_append_only_change()`);
    await queryRunner.query(`DROP SEQUENCE erasure_certificate_seq`);
    await queryRunner.query(`DROP TABLE "stock_movement"`);
    await queryRunner.query(`DROP TABLE "stock_level"`);
    await queryRunner.query(`DROP TABLE "lot_intake_item"`);
    await queryRunner.query(`DROP TABLE "lot_intake"`);
    await queryRunner.query(`DROP TABLE "custody_event"`);
    await queryRunner.query(`DROP TABLE "erasure_record"`);
    await queryRunner.query(`DROP TABLE "device"`);
    await queryRunner.query(`DROP TYPE "public"."erasure_method"`);
    await queryRunner.query(`DROP TYPE "public"."device_status"`);
    await queryRunner.query(`DROP TYPE "public"."device_grade"`);
  }
}
