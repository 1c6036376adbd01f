import { MigrationInterface, QueryRunner } from 'typeorm';

/** The attestations the network issued, for anyone to verify by their code (libs/reporting/src/impact). */
export class IssuedAttestations1795433700000 implements MigrationInterface {
  name = 'IssuedAttestations1795433700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "issued_attestation" (
      "code" character varying(40) NOT NULL, "key_id" character varying(8) NOT NULL, "donor_id" uuid NOT NULL,
      "period_from" TIMESTAMP WITH TIME ZONE NOT NULL, "period_to" TIMESTAMP WITH TIME ZONE NOT NULL,
      "statement" jsonb NOT NULL, "signature" character varying(64) NOT NULL,
      "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_issued_attestation" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE INDEX "IDX_issued_attestation_donor" ON "issued_attestation" ("donor_id", "issued_at")`);
    await queryRunner.query(
      `ALTER TABLE "issued_attestation" ADD CONSTRAINT "FK_issued_attestation_donor" FOREIGN KEY ("donor_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "issued_attestation"`);
  }
}
