import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's order-to-delivery lead time finds a delivery's order among all the links its
 * device ever had (the one it was last reserved for before the delivery), not only the live one,
 * so that a recount after a loan return agrees with what was counted live: one index probe per
 * delivery. The counters' new definitions (a device refurbished once, CO2e from first deliveries)
 * need no change of table; recount-dashboards corrects the counters of a network upgraded to them.
 */
export class ReportFixes1795435500000 implements MigrationInterface {
  name = 'ReportFixes1795435500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_order_line_device_device_reserved" ON "order_line_device" ("device_id", "reserved_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_order_line_device_device_reserved"`);
  }
}
