import { MigrationInterface, QueryRunner } from 'typeorm';

/** Hand-written. (placeholder: filled in by the change that owns it) */
export class LoginThrottle1795433300000 implements MigrationInterface {
  name = 'LoginThrottle1795433300000';

  public async up(_queryRunner: QueryRunner): Promise<void> {}

  public async down(_queryRunner: QueryRunner): Promise<void> {}
}
