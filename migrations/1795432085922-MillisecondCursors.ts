import { MigrationInterface, QueryRunner } from 'typeorm';

/** Paginated timestamps carry milliseconds, as the cursors do (rows sharing a millisecond were skipped). */
export class MillisecondCursors1795432085922 implements MigrationInterface {
  name = 'MillisecondCursors1795432085922';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "donation" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "lot" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lot" ALTER COLUMN "created_at" TYPE TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "donation" ALTER COLUMN "created_at" TYPE TIMESTAMP WITH TIME ZONE`);
  }
}
