import { MigrationInterface, QueryRunner } from 'typeorm';

export class Network1795426270271 implements MigrationInterface {
  name = 'Network1795426270271';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_failure" ("id" BIGSERIAL NOT NULL, "email" character varying(254) NOT NULL, "ip" character varying(64) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5df78140d5d3f4afc249d879cdf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_50d8b907c60e6ca3bd6006fc63" ON "login_failure"  ("ip", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_d70500e3933248a02973225f31" ON "login_failure"  ("email", "at") `);
    await queryRunner.query(
      `CREATE TABLE "region" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(20) NOT NULL, "name" character varying(120) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_74f7723fdff738f92929c0056cb" UNIQUE ("code"), CONSTRAINT "PK_5f48ffc3af96bc486f5f3f3a6da" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."organization_kind" AS ENUM('DONOR', 'REFURBISHER', 'PARTNER', 'COORDINATOR')`);
    await queryRunner.query(
      `CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."organization_kind" NOT NULL, "name" character varying(200) NOT NULL, "siret" character(14), "region_id" uuid NOT NULL, "service_radius_km" double precision, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "address_street" character varying(200), "address_postal_code" character varying(10) NOT NULL, "address_city" character varying(120) NOT NULL, "address_location_lat" double precision NOT NULL, "address_location_lon" double precision NOT NULL, CONSTRAINT "UQ_1210203783cb87cb879b4798579" UNIQUE ("siret"), CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_fe59bfcf492a9ef6015ae7559b" ON "organization"  ("region_id", "kind") `);
    await queryRunner.query(`CREATE TYPE "public"."device_category" AS ENUM('LAPTOP', 'DESKTOP', 'MONITOR', 'TABLET', 'SMARTPHONE', 'PRINTER', 'OTHER')`);
    await queryRunner.query(
      `CREATE TABLE "refurbisher_capacity" ("organization_id" uuid NOT NULL, "category" "public"."device_category" NOT NULL, "weekly_capacity" integer NOT NULL, "load" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_1c8abae675d871c0539e44de8d1" PRIMARY KEY ("organization_id", "category"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."user_role" AS ENUM('ADMIN', 'COORDINATOR', 'DONOR', 'REFURBISHER', 'PARTNER')`);
    await queryRunner.query(
      `CREATE TABLE "user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "password_hash" character varying(200) NOT NULL, "role" "public"."user_role" NOT NULL, "organization_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e12875dfb3b1d92d7d7c5377e22" UNIQUE ("email"), CONSTRAINT "PK_cace4a159ff9f2512dd42373760" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3e103cdf85b7d6cb620b4db0f0" ON "user"  ("organization_id") `);
    await queryRunner.query(
      `ALTER TABLE "organization" ADD CONSTRAINT "FK_984b937c84d1eec3780db3e6f75" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refurbisher_capacity" ADD CONSTRAINT "FK_d238c6aeba9581b3722a332f6d5" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user" ADD CONSTRAINT "FK_3e103cdf85b7d6cb620b4db0f0c" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user" DROP CONSTRAINT "FK_3e103cdf85b7d6cb620b4db0f0c"`);
    await queryRunner.query(`ALTER TABLE "refurbisher_capacity" DROP CONSTRAINT "FK_d238c6aeba9581b3722a332f6d5"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP CONSTRAINT "FK_984b937c84d1eec3780db3e6f75"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3e103cdf85b7d6cb620b4db0f0"`);
    await queryRunner.query(`DROP TABLE "user"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
    await queryRunner.query(`DROP TABLE "refurbisher_capacity"`);
    await queryRunner.query(`DROP TYPE "public"."device_category"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fe59bfcf492a9ef6015ae7559b"`);
    await queryRunner.query(`DROP TABLE "organization"`);
    await queryRunner.query(`DROP TYPE "public"."organization_kind"`);
    await queryRunner.query(`DROP TABLE "region"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d70500e3933248a02973225f31"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_50d8b907c60e6ca3bd6006fc63"`);
    await queryRunner.query(`DROP TABLE "login_failure"`);
  }
}
