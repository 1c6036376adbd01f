import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Paperwork: the loads of recycled devices (the register of outgoing electrical waste) and the
 * devices in each, tax receipts for gifts in kind and their gapless counters per refurbisher and
 * year. Donation agreements are made from the donations' rows and need no table.
 */
export class Paperwork1795435300000 implements MigrationInterface {
  name = 'Paperwork1795435300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "recycling_shipment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "refurbisher_id" uuid NOT NULL, "region_id" uuid NOT NULL, "shipped_at" TIMESTAMP WITH TIME ZONE NOT NULL, "destination_name" character varying(200) NOT NULL, "destination_siret" character(14) NOT NULL, "destination_address" character varying(300), "treatment_code" character varying(3), "waste_code" character varying(10) NOT NULL, "weight_grams" integer NOT NULL, "device_count" integer NOT NULL, "transport_document" character varying(100), "carrier" character varying(200), "recorded_by_user_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_recycling_shipment_siret" CHECK ("destination_siret" ~ '^[0-9]{14}$'), CONSTRAINT "CHK_recycling_shipment_weight" CHECK ("weight_grams" > 0), CONSTRAINT "PK_001d6206c08399c408a952c719c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ecd7ff63d7e338b84bf7600b5b" ON "recycling_shipment"  ("refurbisher_id", "shipped_at") `);
    await queryRunner.query(
      `CREATE TABLE "recycling_shipment_device" ("device_id" uuid NOT NULL, "shipment_id" uuid NOT NULL, CONSTRAINT "PK_9b99ad6e7de7ffe6b9a6973bb52" PRIMARY KEY ("device_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d337a6e7d20933c35519e313f3" ON "recycling_shipment_device"  ("shipment_id") `);
    await queryRunner.query(
      `CREATE TABLE "tax_receipt_counter" ("refurbisher_id" uuid NOT NULL, "year" integer NOT NULL, "last_sequence" integer NOT NULL, CONSTRAINT "PK_9409d895475fb64e8b71d5d5c1e" PRIMARY KEY ("refurbisher_id", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "tax_receipt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(20) NOT NULL, "year" integer NOT NULL, "sequence" integer NOT NULL, "donation_id" uuid NOT NULL, "donation_reference" character varying(20) NOT NULL, "donor_id" uuid NOT NULL, "donor_name" character varying(200) NOT NULL, "refurbisher_id" uuid NOT NULL, "refurbisher_name" character varying(200) NOT NULL, "region_id" uuid NOT NULL, "valuation_cents" integer NOT NULL, "gift_date" TIMESTAMP WITH TIME ZONE NOT NULL, "goods_description" character varying(1000) NOT NULL, "device_count" integer NOT NULL, "issued_by_user_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_tax_receipt_number" UNIQUE ("refurbisher_id", "year", "sequence"), CONSTRAINT "UQ_tax_receipt_donation_refurbisher" UNIQUE ("donation_id", "refurbisher_id"), CONSTRAINT "CHK_tax_receipt_sequence" CHECK ("sequence" > 0), CONSTRAINT "CHK_tax_receipt_valuation" CHECK ("valuation_cents" > 0), CONSTRAINT "PK_ed0da6a5d56c77020c64991d7cd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_123b3a281d43347e4ad8170948" ON "tax_receipt"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_56b217938866ef84a3f394d6d5" ON "tax_receipt"  ("region_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_0789f96e6db6ffd68db44d713a" ON "tax_receipt"  ("donor_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "recycling_shipment" ADD CONSTRAINT "FK_2967e9bc39250f4d645d9b023c3" FOREIGN KEY ("refurbisher_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recycling_shipment" ADD CONSTRAINT "FK_683df997e93518f20020583e1a1" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recycling_shipment_device" ADD CONSTRAINT "FK_9b99ad6e7de7ffe6b9a6973bb52" FOREIGN KEY ("device_id") REFERENCES "device"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recycling_shipment_device" ADD CONSTRAINT "FK_d337a6e7d20933c35519e313f34" FOREIGN KEY ("shipment_id") REFERENCES "recycling_shipment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tax_receipt_counter" ADD CONSTRAINT "FK_0cd5fc2c0434ad1125a27cfc015" FOREIGN KEY ("refurbisher_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tax_receipt" ADD CONSTRAINT "FK_2159e9db40634bb6ea3daee1c91" FOREIGN KEY ("donation_id") REFERENCES "donation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tax_receipt" ADD CONSTRAINT "FK_62ef451e9d2db410610f1da43c4" FOREIGN KEY ("donor_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tax_receipt" ADD CONSTRAINT "FK_d76c94a18e6cec038f757dc1ba2" FOREIGN KEY ("refurbisher_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tax_receipt" ADD CONSTRAINT "FK_f65cf1bdb7be5bec1ff47a27c22" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tax_receipt" DROP CONSTRAINT "FK_f65cf1bdb7be5bec1ff47a27c22"`);
    await queryRunner.query(`ALTER TABLE "tax_receipt" DROP CONSTRAINT "FK_d76c94a18e6cec038f757dc1ba2"`);
    await queryRunner.query(`ALTER TABLE "tax_receipt" DROP CONSTRAINT "FK_62ef451e9d2db410610f1da43c4"`);
    await queryRunner.query(`ALTER TABLE "tax_receipt" DROP CONSTRAINT "FK_2159e9db40634bb6ea3daee1c91"`);
    await queryRunner.query(`ALTER TABLE "tax_receipt_counter" DROP CONSTRAINT "FK_0cd5fc2c0434ad1125a27cfc015"`);
    await queryRunner.query(`ALTER TABLE "recycling_shipment_device" DROP CONSTRAINT "FK_d337a6e7d20933c35519e313f34"`);
    await queryRunner.query(`ALTER TABLE "recycling_shipment_device" DROP CONSTRAINT "FK_9b99ad6e7de7ffe6b9a6973bb52"`);
    await queryRunner.query(`ALTER TABLE "recycling_shipment" DROP CONSTRAINT "FK_683df997e93518f20020583e1a1"`);
    await queryRunner.query(`ALTER TABLE "recycling_shipment" DROP CONSTRAINT "FK_2967e9bc39250f4d645d9b023c3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0789f96e6db6ffd68db44d713a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_56b217938866ef84a3f394d6d5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_123b3a281d43347e4ad8170948"`);
    await queryRunner.query(`DROP TABLE "tax_receipt"`);
    await queryRunner.query(`DROP TABLE "tax_receipt_counter"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d337a6e7d20933c35519e313f3"`);
    await queryRunner.query(`DROP TABLE "recycling_shipment_device"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ecd7ff63d7e338b84bf7600b5b"`);
    await queryRunner.query(`DROP TABLE "recycling_shipment"`);
  }
}
