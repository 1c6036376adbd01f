import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organization } from './entities/organization.entity';
import { RefurbisherCapacity } from './entities/refurbisher-capacity.entity';
import { Region } from './entities/region.entity';
import { User } from '@app/auth';
import { IntakePauseResolver } from './resolvers/intake-pause.resolver';
import { OrganizationManagementResolver } from './resolvers/organization-management.resolver';
import { OrganizationResolver } from './resolvers/organization.resolver';
import { RegionResolver } from './resolvers/region.resolver';
import { UserResolver } from './resolvers/user.resolver';
import { NetworkSeeder } from './seed/network-seeder';
import { IntakePauseService } from './services/intake-pause.service';
import { OrganizationContacts } from './services/organization-contacts.service';
import { OrganizationDeactivationService } from './services/organization-deactivation.service';
import { OrganizationProfileService } from './services/organization-profile.service';
import { OrganizationService } from './services/organization.service';
import { RefurbisherLoad } from './services/refurbisher-load.service';
import { RegionService } from './services/region.service';
import { UserService } from './services/user.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Region, Organization, RefurbisherCapacity, User])],
  providers: [
    RegionService,
    OrganizationService,
    UserService,
    RefurbisherLoad,
    NetworkSeeder,
    RegionResolver,
    OrganizationResolver,
    UserResolver,
    IntakePauseService,
    IntakePauseResolver,
    OrganizationProfileService,
    OrganizationDeactivationService,
    OrganizationContacts,
    OrganizationManagementResolver,
  ],
  exports: [RegionService, OrganizationService, UserService, RefurbisherLoad, NetworkSeeder],
})
export class NetworkModule {}
