import { MigrationInterface, QueryRunner } from 'typeorm';

/** Hand-written. (placeholder: filled in by the change that owns it) */
export class ConcurrencyProtocol1795433500000 implements MigrationInterface {
  name = 'ConcurrencyProtocol1795433500000';

  public async up(_queryRunner: QueryRunner): Promise<void> {}

  public async down(_queryRunner: QueryRunner): Promise<void> {}
}
