import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money: each refurbisher's price list (category x grade, in cents, optionally for private donors
 * only), its VAT mention, and the documents of its shipments (invoices and delivery notes, their
 * frozen lines, and the counters that number each series without gaps).
 */
export class PricesAndInvoices1795435200000 implements MigrationInterface {
  name = 'PricesAndInvoices1795435200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."invoice_kind" AS ENUM('INVOICE', 'DELIVERY_NOTE')`);
    await queryRunner.query(
      `CREATE TABLE "invoice_counter" ("refurbisher_id" uuid NOT NULL, "kind" "public"."invoice_kind" NOT NULL, "year" integer NOT NULL, "last_sequence" integer NOT NULL, CONSTRAINT "PK_334583393a67e059ecc32443231" PRIMARY KEY ("refurbisher_id", "kind", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "invoice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."invoice_kind" NOT NULL, "number" character varying(30) NOT NULL, "year" integer NOT NULL, "sequence" integer NOT NULL, "total_cents" integer NOT NULL, "vat_mention" character varying(300) NOT NULL, "refurbisher_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "order_id" uuid NOT NULL, "region_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "CHK_invoice_amounts" CHECK ("total_cents" >= 0 AND "sequence" > 0), CONSTRAINT "PK_15d25c200d9bcd8a33f698daf18" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1e74a9888e5e228184769ba3df" ON "invoice"  ("order_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5bc9de40360e2edf59c5a82185" ON "invoice"  ("region_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_f500d4fc26f194b9a916e995c4" ON "invoice"  ("partner_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_1b69f9da35da07d369ca127e26" ON "invoice"  ("refurbisher_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_5cc7f6b69e40723a41f4e51efe" ON "invoice"  ("created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_invoice_number" ON "invoice"  ("refurbisher_id", "kind", "year", "sequence") `);
    await queryRunner.query(
      `CREATE TABLE "invoice_line" ("id" BIGSERIAL NOT NULL, "invoice_id" uuid NOT NULL, "position" integer NOT NULL, "device_id" uuid NOT NULL, "category" "public"."device_category" NOT NULL, "grade" "public"."device_grade", "serial_number" character varying(100) NOT NULL, "description" character varying(250) NOT NULL, "price_cents" integer NOT NULL, "listed" boolean NOT NULL, "public_donor" boolean NOT NULL, "cap_cents" integer, CONSTRAINT "CHK_invoice_line_price" CHECK ("price_cents" >= 0 AND ("cap_cents" IS NULL OR "price_cents" <= "cap_cents")), CONSTRAINT "PK_112d67e85951a56ee5123e9c803" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7f60c004c1d8d7418fc3d64c57" ON "invoice_line"  ("device_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a8a0b2a45f300b167ae3e7b7eb" ON "invoice_line"  ("invoice_id", "position") `);
    await queryRunner.query(
      `CREATE TABLE "invoice_settings" ("refurbisher_id" uuid NOT NULL, "vat_mention" character varying(300) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ba1130f7c9e2e54e2338e631746" PRIMARY KEY ("refurbisher_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "price_list_entry" ("refurbisher_id" uuid NOT NULL, "category" "public"."device_category" NOT NULL, "grade" "public"."device_grade" NOT NULL, "private_donors_only" boolean NOT NULL, "price_cents" integer NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_price_list_entry_price" CHECK ("price_cents" >= 0), CONSTRAINT "PK_5ef2e36297a6077b62a598b0e30" PRIMARY KEY ("refurbisher_id", "category", "grade", "private_donors_only"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice" ADD CONSTRAINT "FK_f231c5aa996ca53ec6c67e7f8be" FOREIGN KEY ("refurbisher_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice" ADD CONSTRAINT "FK_a2df49cdd90738d464aafb6d167" FOREIGN KEY ("partner_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice" ADD CONSTRAINT "FK_1e74a9888e5e228184769ba3dfd" FOREIGN KEY ("order_id") REFERENCES "partner_order"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice" ADD CONSTRAINT "FK_81831462ccd01a931761e629678" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice_line" ADD CONSTRAINT "FK_36e6eecdb00b171d90ff63f2d20" FOREIGN KEY ("invoice_id") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice_line" ADD CONSTRAINT "FK_7f60c004c1d8d7418fc3d64c571" FOREIGN KEY ("device_id") REFERENCES "device"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice_settings" ADD CONSTRAINT "FK_ba1130f7c9e2e54e2338e631746" FOREIGN KEY ("refurbisher_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "price_list_entry" ADD CONSTRAINT "FK_37e252c6c23525e42989e13ea54" FOREIGN KEY ("refurbisher_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "price_list_entry" DROP CONSTRAINT "FK_37e252c6c23525e42989e13ea54"`);
    await queryRunner.query(`ALTER TABLE "invoice_settings" DROP CONSTRAINT "FK_ba1130f7c9e2e54e2338e631746"`);
    await queryRunner.query(`ALTER TABLE "invoice_line" DROP CONSTRAINT "FK_7f60c004c1d8d7418fc3d64c571"`);
    await queryRunner.query(`ALTER TABLE "invoice_line" DROP CONSTRAINT "FK_36e6eecdb00b171d90ff63f2d20"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "FK_81831462ccd01a931761e629678"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "FK_1e74a9888e5e228184769ba3dfd"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "FK_a2df49cdd90738d464aafb6d167"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "FK_f231c5aa996ca53ec6c67e7f8be"`);
    await queryRunner.query(`DROP TABLE "price_list_entry"`);
    await queryRunner.query(`DROP TABLE "invoice_settings"`);
    await queryRunner.query(`DROP TABLE "invoice_line"`);
    await queryRunner.query(`DROP TABLE "invoice"`);
    await queryRunner.query(`DROP TABLE "invoice_counter"`);
    await queryRunner.query(`DROP TYPE "public"."invoice_kind"`);
  }
}
