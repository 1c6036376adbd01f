import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { AttestationStatement } from './verification-code';

/**
 * An attestation the network issued: its code, the key that signed it, and what it stated, as
 * it stated it. Anyone holding the document checks it against this row (verifyAttestation, the
 * /verifier page); the row is re-signed at each check, so an edit here is caught as well.
 */
@Entity()
@Index('IDX_issued_attestation_donor', ['donorId', 'issuedAt'])
export class IssuedAttestation {
  @PrimaryColumn('varchar', { length: 40, primaryKeyConstraintName: 'PK_issued_attestation' })
  code!: string;

  @Column('varchar', { length: 8 })
  keyId!: string;

  @Column('uuid')
  @ForeignKey('Organization', { name: 'FK_issued_attestation_donor', onDelete: 'RESTRICT' })
  donorId!: string;

  @Column('timestamptz')
  periodFrom!: Date;

  @Column('timestamptz')
  periodTo!: Date;

  /** donor and issuer names, period and figures, as printed: what the signature covers */
  @Column('jsonb')
  statement!: AttestationStatement;

  /** HMAC-SHA256 (hex) of the canonical statement with the key keyId */
  @Column('varchar', { length: 64 })
  signature!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  issuedAt!: Date;
}
