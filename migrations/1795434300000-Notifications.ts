import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the inbox (one row per event key and person), e-mail deliveries with their lease
 * and attempts, preferences per person and kind, and the bounce of an address on its user.
 */
export class Notifications1795434300000 implements MigrationInterface {
  name = 'Notifications1795434300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_key" character varying(200) NOT NULL, "event" character varying(40) NOT NULL, "user_id" uuid, "contact_organization_id" uuid, "delivery" character varying(20) NOT NULL, "title" character varying(200) NOT NULL, "body" character varying(2000) NOT NULL, "reference" character varying(60), "action_path" character varying(300) NOT NULL, "payload" jsonb NOT NULL, "digest_delivery_id" uuid, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_notification_delivery" CHECK (delivery IN ('IMMEDIATE', 'DAILY_DIGEST', 'OFF')), CONSTRAINT "CHK_notification_recipient" CHECK ((user_id IS NULL) <> (contact_organization_id IS NULL)), CONSTRAINT "PK_notification_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_digest_pending" ON "notification"  ("user_id") WHERE delivery = 'DAILY_DIGEST' AND digest_delivery_id IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_notification_user_created" ON "notification"  ("user_id", "created_at") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_notification_event_key_contact" ON "notification"  ("event_key", "contact_organization_id") WHERE user_id IS NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_notification_event_key_user_id" ON "notification"  ("event_key", "user_id") `);
    await queryRunner.query(
      `CREATE TABLE "email_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notification_id" uuid, "user_id" uuid, "digest_day" date, "to_address" character varying(254) NOT NULL, "state" character varying(20) NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "lease_until" TIMESTAMP WITH TIME ZONE, "last_error" character varying(1000), "message_id" character varying(200) NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_email_delivery_kind" CHECK ((notification_id IS NULL) <> (digest_day IS NULL)), CONSTRAINT "CHK_email_delivery_state" CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED')), CONSTRAINT "PK_email_delivery_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_email_delivery_open" ON "email_delivery"  ("created_at") WHERE state IN ('PENDING', 'SENDING')`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_email_delivery_digest" ON "email_delivery"  ("user_id", "digest_day") WHERE digest_day IS NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_email_delivery_notification_id" ON "email_delivery"  ("notification_id") WHERE notification_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_preference" ("user_id" uuid NOT NULL, "event" character varying(40) NOT NULL, "delivery" character varying(20) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_notification_preference_delivery" CHECK (delivery IN ('IMMEDIATE', 'DAILY_DIGEST', 'OFF')), CONSTRAINT "PK_notification_preference" PRIMARY KEY ("user_id", "event"))`,
    );
    await queryRunner.query(`ALTER TABLE "user" ADD "email_bounced_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "user" ADD "email_bounce_reason" character varying(500)`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_notification_user_id" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_delivery" ADD CONSTRAINT "FK_email_delivery_notification_id" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preference" ADD CONSTRAINT "FK_notification_preference_user_id" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_preference" DROP CONSTRAINT "FK_notification_preference_user_id"`);
    await queryRunner.query(`ALTER TABLE "email_delivery" DROP CONSTRAINT "FK_email_delivery_notification_id"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_notification_user_id"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "email_bounce_reason"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "email_bounced_at"`);
    await queryRunner.query(`DROP TABLE "notification_preference"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_email_delivery_notification_id"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_email_delivery_digest"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_email_delivery_open"`);
    await queryRunner.query(`DROP TABLE "email_delivery"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_notification_event_key_user_id"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_notification_event_key_contact"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_user_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_digest_pending"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
