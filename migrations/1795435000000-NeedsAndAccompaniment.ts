import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people equipped, part one: a partner's needs for the people it supports (referral,
 * declared eligibility, urgency; the waiting list is the WAITING ones), the eligibility bases each
 * region accepts, and accompaniment sessions, all under the partner's pseudonymous references.
 */
export class NeedsAndAccompaniment1795435000000 implements MigrationInterface {
  name = 'NeedsAndAccompaniment1795435000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."accompaniment_kind" AS ENUM('DIGITAL_SKILLS_WORKSHOP', 'FIRST_SETUP', 'FOLLOW_UP')`);
    await queryRunner.query(
      `CREATE TABLE "accompaniment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "partner_id" uuid NOT NULL, "region_id" uuid NOT NULL, "beneficiary_ref" character varying(64) NOT NULL, "kind" "public"."accompaniment_kind" NOT NULL, "date" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "recorded_by" uuid, CONSTRAINT "CHK_accompaniment_duration" CHECK ("duration_minutes" BETWEEN 1 AND 1440), CONSTRAINT "PK_ced12be362dabe14aff95c48c95" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_63897ce2b25cc48d924965ebcf" ON "accompaniment"  ("region_id", "date") `);
    await queryRunner.query(`CREATE INDEX "IDX_fde4be7e252a94cd8a5af72083" ON "accompaniment"  ("partner_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_4cfc029d076a622b66fc049d96" ON "accompaniment"  ("partner_id", "beneficiary_ref") `);
    await queryRunner.query(`CREATE TYPE "public"."referral_source" AS ENUM('PARTNER', 'JOB_CENTRE', 'SCHOOL', 'TOWN_SOCIAL_SERVICE')`);
    await queryRunner.query(
      `CREATE TYPE "public"."eligibility_basis" AS ENUM('VOUCHER', 'INCOME_CRITERIA', 'SOCIAL_MINIMA', 'JOB_SEEKER', 'STUDENT_GRANT', 'SOCIAL_WORKER_ASSESSMENT')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."need_urgency" AS ENUM('NORMAL', 'HIGH', 'URGENT')`);
    await queryRunner.query(`CREATE TYPE "public"."need_status" AS ENUM('WAITING', 'ORDERED', 'SERVED', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TYPE "public"."need_cancellation_reason" AS ENUM('EQUIPPED_OTHERWISE', 'NO_LONGER_NEEDED', 'NOT_ELIGIBLE', 'UNREACHABLE', 'DUPLICATE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "need" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "partner_id" uuid NOT NULL, "region_id" uuid NOT NULL, "beneficiary_ref" character varying(64) NOT NULL, "profile" "public"."beneficiary_profile" NOT NULL, "category" "public"."device_category" NOT NULL, "referral_source" "public"."referral_source" NOT NULL, "eligibility_basis" "public"."eligibility_basis" NOT NULL, "voucher_number" character varying(64), "urgency" "public"."need_urgency" NOT NULL DEFAULT 'NORMAL', "status" "public"."need_status" NOT NULL DEFAULT 'WAITING', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "recorded_by" uuid, "order_id" uuid, "order_line_id" uuid, "served_at" TIMESTAMP WITH TIME ZONE, "served_device_id" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancellation_reason" "public"."need_cancellation_reason", CONSTRAINT "CHK_need_voucher" CHECK (("eligibility_basis" = 'VOUCHER') = ("voucher_number" IS NOT NULL)), CONSTRAINT "PK_218b14514f334ee6f39954f86ba" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_57c9bcc5c4b42698746528f452" ON "need"  ("order_line_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_56feef2984a8452515c51de972" ON "need"  ("region_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_3793e45eaa7790ae71cd72a3e7" ON "need"  ("partner_id", "created_at") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_need_open_reference" ON "need"  ("partner_id", "beneficiary_ref", "category") WHERE "status" IN ('WAITING', 'ORDERED')`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_need_waiting" ON "need"  ("region_id", "category") WHERE "status" = 'WAITING'`);
    await queryRunner.query(
      `CREATE TABLE "region_eligibility_basis" ("region_id" uuid NOT NULL, "basis" "public"."eligibility_basis" NOT NULL, "set_by" uuid, CONSTRAINT "PK_region_eligibility_basis" PRIMARY KEY ("region_id", "basis"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "accompaniment" ADD CONSTRAINT "FK_053ba9ff0f7d898ca468de9a573" FOREIGN KEY ("partner_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "accompaniment" ADD CONSTRAINT "FK_fbeb93f5234d2ded17285364f90" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "need" ADD CONSTRAINT "FK_79df859f4eb0f38101c6b769641" FOREIGN KEY ("partner_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "need" ADD CONSTRAINT "FK_669727a43813b9152ee1b0f43cb" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "need" ADD CONSTRAINT "FK_2c9673ccda2e042c9000c7620a7" FOREIGN KEY ("order_id") REFERENCES "partner_order"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "need" ADD CONSTRAINT "FK_57c9bcc5c4b42698746528f452d" FOREIGN KEY ("order_line_id") REFERENCES "order_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "need" ADD CONSTRAINT "FK_da4c07b934dc3ce625fc011fe78" FOREIGN KEY ("served_device_id") REFERENCES "device"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "region_eligibility_basis" ADD CONSTRAINT "FK_region_eligibility_basis_region" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "region_eligibility_basis" DROP CONSTRAINT "FK_region_eligibility_basis_region"`);
    await queryRunner.query(`ALTER TABLE "need" DROP CONSTRAINT "FK_da4c07b934dc3ce625fc011fe78"`);
    await queryRunner.query(`ALTER TABLE "need" DROP CONSTRAINT "FK_57c9bcc5c4b42698746528f452d"`);
    await queryRunner.query(`ALTER TABLE "need" DROP CONSTRAINT "FK_2c9673ccda2e042c9000c7620a7"`);
    await queryRunner.query(`ALTER TABLE "need" DROP CONSTRAINT "FK_669727a43813b9152ee1b0f43cb"`);
    await queryRunner.query(`ALTER TABLE "need" DROP CONSTRAINT "FK_79df859f4eb0f38101c6b769641"`);
    await queryRunner.query(`ALTER TABLE "accompaniment" DROP CONSTRAINT "FK_fbeb93f5234d2ded17285364f90"`);
    await queryRunner.query(`ALTER TABLE "accompaniment" DROP CONSTRAINT "FK_053ba9ff0f7d898ca468de9a573"`);
    await queryRunner.query(`DROP TABLE "region_eligibility_basis"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_need_waiting"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_need_open_reference"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3793e45eaa7790ae71cd72a3e7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_56feef2984a8452515c51de972"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_57c9bcc5c4b42698746528f452"`);
    await queryRunner.query(`DROP TABLE "need"`);
    await queryRunner.query(`DROP TYPE "public"."need_cancellation_reason"`);
    await queryRunner.query(`DROP TYPE "public"."need_status"`);
    await queryRunner.query(`DROP TYPE "public"."need_urgency"`);
    await queryRunner.query(`DROP TYPE "public"."referral_source"`);
    await queryRunner.query(`DROP TYPE "public"."eligibility_basis"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4cfc029d076a622b66fc049d96"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fde4be7e252a94cd8a5af72083"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_63897ce2b25cc48d924965ebcf"`);
    await queryRunner.query(`DROP TABLE "accompaniment"`);
    await queryRunner.query(`DROP TYPE "public"."accompaniment_kind"`);
  }
}
