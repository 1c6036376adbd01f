import { MigrationInterface, QueryRunner } from 'typeorm';

/** Hand-written. (placeholder: filled in by the change that owns it) */
export class InputChecks1795433400000 implements MigrationInterface {
  name = 'InputChecks1795433400000';

  public async up(_queryRunner: QueryRunner): Promise<void> {}

  public async down(_queryRunner: QueryRunner): Promise<void> {}
}
