import { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1795429646794 implements MigrationInterface {
  name = 'Outbox1795429646794';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outbox_message" ("id" BIGSERIAL NOT NULL, "queue" character varying(60) NOT NULL, "name" character varying(60) NOT NULL, "payload" jsonb NOT NULL, "job_id" character varying(200), "delay_ms" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_outbox_message" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_outbox_unsent" ON "outbox_message" ("id") WHERE sent_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_unsent"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
  }
}
