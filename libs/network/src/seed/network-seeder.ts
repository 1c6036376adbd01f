import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AddressResolver, APP_CONFIG, AppConfig, Role, withSiretCheckDigit } from '@app/common';
import { DatabaseLocation } from '@app/database';
import { hashPassword, User } from '@app/auth';
import { DataSource, EntityManager } from 'typeorm';
import { Organization } from '../entities/organization.entity';
import { ROLE_OF_KIND } from '../entities/organization-kind';
import { RefurbisherCapacity } from '../entities/refurbisher-capacity.entity';
import { Region } from '../entities/region.entity';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_REGION } from './demo-network';

/** At start: the platform administrator from ADMIN_EMAIL, and the demo network when asked for. */
@Injectable()
export class NetworkSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(NetworkSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly location: DatabaseLocation,
    private readonly addresses: AddressResolver,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.adminEmail && this.config.adminPassword) await this.ensureAdmin(this.config.adminEmail, this.config.adminPassword);
    const empty = !(await this.dataSource.getRepository(Region).exists());
    const wanted = this.config.seedDemo ?? (this.location.isEmbedded && empty);
    if (wanted && empty) await this.seedDemo();
  }

  /** The demo logins, when the demo network is in this database (for the start banner). */
  async demoLogins(): Promise<string[]> {
    // the ADMIN_EMAIL account has the operator's password, never the demo one: not listed
    const rows: Array<{ email: string; role: string }> = await this.dataSource.query(
      `SELECT email, role FROM "user" WHERE email IN ('admin@demo.local','coordinator@demo.local','donor@demo.local','refurbisher@demo.local','partner@demo.local') AND email IS DISTINCT FROM $1 ORDER BY role`,
      [this.config.adminEmail],
    );
    return rows.map((r) => `${r.role.padEnd(12)} ${r.email} / ${DEMO_PASSWORD}`);
  }

  private async ensureAdmin(email: string, password: string): Promise<void> {
    const repo = this.dataSource.getRepository(User);
    const existing = await repo.findOne({ where: { email } });
    if (existing) {
      // never promoted: the account may be a demo login whose password is public
      if (existing.role !== Role.ADMIN)
        this.logger.warn(`ADMIN_EMAIL ${email} is already a ${existing.role} account: left as it is, no administrator created; choose another address`);
      return;
    }
    await repo.save(repo.create({ email, passwordHash: await hashPassword(password), role: Role.ADMIN, organizationId: null }));
    this.logger.log(`created administrator ${email}`);
  }

  private async seedDemo(): Promise<void> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    // placed before the transaction: the street geocoder may take a network round trip
    const addresses = await Promise.all(
      DEMO_ORGANIZATIONS.map((demo) => this.addresses.resolve({ street: demo.street, postalCode: demo.postalCode, city: demo.city })),
    );
    await this.dataSource.transaction(async (manager) => {
      // a demo login already taken (ADMIN_EMAIL set to one of them) keeps its account and its password
      const wanted = ['admin@demo.local', ...DEMO_ORGANIZATIONS.map((o) => o.login)];
      const rows: Array<{ email: string }> = await manager.query(`SELECT email FROM "user" WHERE email = ANY($1::text[])`, [wanted]);
      const taken = new Set(rows.map((r) => r.email));
      for (const email of taken) this.logger.warn(`demo login ${email} already exists: kept as it is, without the demo password`);
      const saveUser = (email: string, role: Role, organizationId: string | null) =>
        taken.has(email) ? undefined : this.saveUser(manager, email, passwordHash, role, organizationId);

      const region = await manager.getRepository(Region).save({ code: DEMO_REGION.code, name: DEMO_REGION.name });
      await saveUser('admin@demo.local', Role.ADMIN, null);
      let n = 0;
      for (const demo of DEMO_ORGANIZATIONS) {
        n += 1;
        const org = await manager.getRepository(Organization).save({
          kind: demo.kind,
          name: demo.name,
          siret: withSiretCheckDigit(`8${String(n).padStart(8, '0')}0001`),
          regionId: region.id,
          address: addresses[n - 1],
          serviceRadiusKm: demo.serviceRadiusKm ?? null,
        });
        for (const [category, weeklyCapacity] of Object.entries(demo.capacities ?? {})) {
          await manager
            .getRepository(RefurbisherCapacity)
            .insert({ organizationId: org.id, category: category as RefurbisherCapacity['category'], weeklyCapacity, load: 0 });
        }
        await saveUser(demo.login, ROLE_OF_KIND[demo.kind], org.id);
      }
    });
    this.logger.log(`seeded the demo network (${DEMO_REGION.name}: ${DEMO_ORGANIZATIONS.length} organizations)`);
  }

  private saveUser(manager: EntityManager, email: string, passwordHash: string, role: Role, organizationId: string | null): Promise<User> {
    return manager.getRepository(User).save({ email, passwordHash, role, organizationId });
  }
}
