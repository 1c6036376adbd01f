import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people equipped, part 2: a delivery is a gift or a loan (loan: due date, extensions, return,
 * conversion), the warranty a refurbisher gives and each delivered device gets, repair tickets.
 * A device lent, returned and delivered again has one beneficiary reference per delivery: the
 * reference is unique per (device, order line), no longer per device.
 */
export class LoansAndRepairs1795435100000 implements MigrationInterface {
  name = 'LoansAndRepairs1795435100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."loan_status" AS ENUM('ACTIVE', 'RETURNED', 'CONVERTED', 'REPLACED')`);
    await queryRunner.query(
      `CREATE TABLE "loan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "device_id" uuid NOT NULL, "order_line_device_id" bigint NOT NULL, "order_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "refurbisher_id" uuid NOT NULL, "region_id" uuid NOT NULL, "status" "public"."loan_status" NOT NULL DEFAULT 'ACTIVE', "due_date" TIMESTAMP WITH TIME ZONE NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "extensions" integer NOT NULL DEFAULT '0', "ended_at" TIMESTAMP WITH TIME ZONE, "returned_to_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "UQ_4dd2189000ea8906a8ab0ec5809" UNIQUE ("order_line_device_id"), CONSTRAINT "PK_4ceda725a323d254a5fd48bf95f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6fe828dd9b33662857d3ccadda" ON "loan"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_20462155b0f3e66d49d6b76bda" ON "loan"  ("region_id", "status", "due_date") `);
    await queryRunner.query(`CREATE INDEX "IDX_5c9fecd71ef47474df5b634636" ON "loan"  ("refurbisher_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_5ed10f3b0c4d17d210941e05c8" ON "loan"  ("partner_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_loan_active_device" ON "loan"  ("device_id") WHERE "status" = 'ACTIVE'`);
    await queryRunner.query(
      `CREATE TABLE "device_warranty" ("order_line_device_id" bigint NOT NULL, "device_id" uuid NOT NULL, "months" smallint NOT NULL, "warranty_until" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_57101acb8d5d3259d7c57daa40e" PRIMARY KEY ("order_line_device_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e9ed83a3465c96380897a2cf2e" ON "device_warranty"  ("device_id") `);
    await queryRunner.query(
      `CREATE TABLE "warranty_policy" ("refurbisher_id" uuid NOT NULL, "months" smallint NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, CONSTRAINT "CHK_warranty_policy_months" CHECK ("months" >= 0 AND "months" <= 60), CONSTRAINT "PK_4681c6e9baf4314b4fc0767d745" PRIMARY KEY ("refurbisher_id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."repair_ticket_status" AS ENUM('OPEN', 'RESOLVED')`);
    await queryRunner.query(`CREATE TYPE "public"."repair_outcome" AS ENUM('REPAIRED', 'REPLACED', 'CLOSED')`);
    await queryRunner.query(
      `CREATE TABLE "repair_ticket" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "device_id" uuid NOT NULL, "order_line_device_id" bigint NOT NULL, "partner_id" uuid NOT NULL, "refurbisher_id" uuid NOT NULL, "region_id" uuid NOT NULL, "status" "public"."repair_ticket_status" NOT NULL DEFAULT 'OPEN', "symptom" character varying(1000) NOT NULL, "under_warranty" boolean NOT NULL, "warranty_until" TIMESTAMP WITH TIME ZONE, "opened_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "opened_by" uuid, "outcome" "public"."repair_outcome", "resolution" character varying(1000), "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by" uuid, "replacement_device_id" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_repair_ticket_replacement" CHECK (("outcome" = 'REPLACED') = ("replacement_device_id" IS NOT NULL)), CONSTRAINT "CHK_repair_ticket_resolution" CHECK (("status" = 'OPEN' AND "outcome" IS NULL AND "resolved_at" IS NULL) OR ("status" = 'RESOLVED' AND "outcome" IS NOT NULL AND "resolved_at" IS NOT NULL)), CONSTRAINT "PK_1e4276ba9414efa9e4a583f74a8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6043cfe9983c135cbac3868d0c" ON "repair_ticket"  ("opened_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_88ff599b0981ac4f2c9f50e283" ON "repair_ticket"  ("region_id", "resolved_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_12bf08465d81504eb88665c276" ON "repair_ticket"  ("region_id", "opened_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_fb6f9c0d246d200c5b95d705e5" ON "repair_ticket"  ("refurbisher_id", "opened_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_941a1844c5b8957511d711a730" ON "repair_ticket"  ("partner_id", "opened_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_repair_ticket_open_device" ON "repair_ticket"  ("device_id") WHERE "status" = 'OPEN'`);
    await queryRunner.query(`ALTER TABLE "beneficiary_reference" DROP CONSTRAINT "UQ_5d3541c1eb53c9c039aaedd9d8a"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d6fe4daa398a40839e6d108e15" ON "beneficiary_reference"  ("device_id", "order_line_id") `);
    await queryRunner.query(
      `ALTER TABLE "loan" ADD CONSTRAINT "FK_9d23ca0c24c6ee7a7b1e0739ea8" FOREIGN KEY ("device_id") REFERENCES "device"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "loan" ADD CONSTRAINT "FK_4dd2189000ea8906a8ab0ec5809" FOREIGN KEY ("order_line_device_id") REFERENCES "order_line_device"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "loan" ADD CONSTRAINT "FK_847760afd2e416b567b934e5672" FOREIGN KEY ("order_id") REFERENCES "partner_order"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "loan" ADD CONSTRAINT "FK_d8af1ebea00e9f96e166f05dc60" FOREIGN KEY ("partner_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "loan" ADD CONSTRAINT "FK_423f37f1e0efdf5472da9e36590" FOREIGN KEY ("refurbisher_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "loan" ADD CONSTRAINT "FK_c0af5984d426dc88d2a52741e13" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "loan" ADD CONSTRAINT "FK_22a7d8d0f9c2b7b6904bfaeb667" FOREIGN KEY ("returned_to_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "device_warranty" ADD CONSTRAINT "FK_57101acb8d5d3259d7c57daa40e" FOREIGN KEY ("order_line_device_id") REFERENCES "order_line_device"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "device_warranty" ADD CONSTRAINT "FK_e9ed83a3465c96380897a2cf2e4" FOREIGN KEY ("device_id") REFERENCES "device"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "warranty_policy" ADD CONSTRAINT "FK_4681c6e9baf4314b4fc0767d745" FOREIGN KEY ("refurbisher_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repair_ticket" ADD CONSTRAINT "FK_ad48337c9c1f3a901955caaf73d" FOREIGN KEY ("device_id") REFERENCES "device"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repair_ticket" ADD CONSTRAINT "FK_d5d229a63506e34968bc4b50197" FOREIGN KEY ("order_line_device_id") REFERENCES "order_line_device"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repair_ticket" ADD CONSTRAINT "FK_a3d470c8c572e1ed10a2dc6a5fe" FOREIGN KEY ("partner_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repair_ticket" ADD CONSTRAINT "FK_a33c0ab753c4a71654d0ae4d34c" FOREIGN KEY ("refurbisher_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repair_ticket" ADD CONSTRAINT "FK_af638cf3a653d2b3b706cc52aef" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repair_ticket" ADD CONSTRAINT "FK_117f2e2a34337aa2f429995dbb7" FOREIGN KEY ("replacement_device_id") REFERENCES "device"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "repair_ticket" DROP CONSTRAINT "FK_117f2e2a34337aa2f429995dbb7"`);
    await queryRunner.query(`ALTER TABLE "repair_ticket" DROP CONSTRAINT "FK_af638cf3a653d2b3b706cc52aef"`);
    await queryRunner.query(`ALTER TABLE "repair_ticket" DROP CONSTRAINT "FK_a33c0ab753c4a71654d0ae4d34c"`);
    await queryRunner.query(`ALTER TABLE "repair_ticket" DROP CONSTRAINT "FK_a3d470c8c572e1ed10a2dc6a5fe"`);
    await queryRunner.query(`ALTER TABLE "repair_ticket" DROP CONSTRAINT "FK_d5d229a63506e34968bc4b50197"`);
    await queryRunner.query(`ALTER TABLE "repair_ticket" DROP CONSTRAINT "FK_ad48337c9c1f3a901955caaf73d"`);
    await queryRunner.query(`ALTER TABLE "warranty_policy" DROP CONSTRAINT "FK_4681c6e9baf4314b4fc0767d745"`);
    await queryRunner.query(`ALTER TABLE "device_warranty" DROP CONSTRAINT "FK_e9ed83a3465c96380897a2cf2e4"`);
    await queryRunner.query(`ALTER TABLE "device_warranty" DROP CONSTRAINT "FK_57101acb8d5d3259d7c57daa40e"`);
    await queryRunner.query(`ALTER TABLE "loan" DROP CONSTRAINT "FK_22a7d8d0f9c2b7b6904bfaeb667"`);
    await queryRunner.query(`ALTER TABLE "loan" DROP CONSTRAINT "FK_c0af5984d426dc88d2a52741e13"`);
    await queryRunner.query(`ALTER TABLE "loan" DROP CONSTRAINT "FK_423f37f1e0efdf5472da9e36590"`);
    await queryRunner.query(`ALTER TABLE "loan" DROP CONSTRAINT "FK_d8af1ebea00e9f96e166f05dc60"`);
    await queryRunner.query(`ALTER TABLE "loan" DROP CONSTRAINT "FK_847760afd2e416b567b934e5672"`);
    await queryRunner.query(`ALTER TABLE "loan" DROP CONSTRAINT "FK_4dd2189000ea8906a8ab0ec5809"`);
    await queryRunner.query(`ALTER TABLE "loan" DROP CONSTRAINT "FK_9d23ca0c24c6ee7a7b1e0739ea8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d6fe4daa398a40839e6d108e15"`);
    await queryRunner.query(`ALTER TABLE "beneficiary_reference" ADD CONSTRAINT "UQ_5d3541c1eb53c9c039aaedd9d8a" UNIQUE ("device_id")`);
    await queryRunner.query(`DROP INDEX "public"."UQ_repair_ticket_open_device"`);
    await queryRunner.query(`DROP TABLE "repair_ticket"`);
    await queryRunner.query(`DROP TYPE "public"."repair_outcome"`);
    await queryRunner.query(`DROP TYPE "public"."repair_ticket_status"`);
    await queryRunner.query(`DROP TABLE "warranty_policy"`);
    await queryRunner.query(`DROP TABLE "device_warranty"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_loan_active_device"`);
    await queryRunner.query(`DROP TABLE "loan"`);
    await queryRunner.query(`DROP TYPE "public"."loan_status"`);
  }
}
