import { Network1795426270271 } from './1795426270271-Network';
import { Donations1795428949382 } from './1795428949382-Donations';
import { Outbox1795429646794 } from './1795429646794-Outbox';
import { Pickups1795429693691 } from './1795429693691-Pickups';
import { Refurbishing1795430752192 } from './1795430752192-Refurbishing';
import { Orders1795431405777 } from './1795431405777-Orders';
import { MillisecondCursors1795432085922 } from './1795432085922-MillisecondCursors';
import { Reconciliation1795433000000 } from './1795433000000-Reconciliation';
import { ImpactReportIndexes1795433100000 } from './1795433100000-ImpactReportIndexes';
import { RegionFlows1795433200000 } from './1795433200000-RegionFlows';
import { LoginThrottle1795433300000 } from './1795433300000-LoginThrottle';
import { InputChecks1795433400000 } from './1795433400000-InputChecks';
import { ConcurrencyProtocol1795433500000 } from './1795433500000-ConcurrencyProtocol';
import { OrganizationOperations1795433520000 } from './1795433520000-OrganizationOperations';
import { DeviceCapabilities1795433540000 } from './1795433540000-DeviceCapabilities';
import { ExpectedDevices1795433600000 } from './1795433600000-ExpectedDevices';
import { IssuedAttestations1795433700000 } from './1795433700000-IssuedAttestations';
import { Accounts1795433800000 } from './1795433800000-Accounts';
import { PickupChanges1795433900000 } from './1795433900000-PickupChanges';
import { RoutingControls1795434000000 } from './1795434000000-RoutingControls';
import { WorkshopLifecycle1795434100000 } from './1795434100000-WorkshopLifecycle';
import { MatchingNeeds1795434200000 } from './1795434200000-MatchingNeeds';
import { Notifications1795434300000 } from './1795434300000-Notifications';
import { OrganizationFlags1795434900000 } from './1795434900000-OrganizationFlags';
import { NeedsAndAccompaniment1795435000000 } from './1795435000000-NeedsAndAccompaniment';
import { LoansAndRepairs1795435100000 } from './1795435100000-LoansAndRepairs';
import { PricesAndInvoices1795435200000 } from './1795435200000-PricesAndInvoices';
import { Paperwork1795435300000 } from './1795435300000-Paperwork';
import { ReportFixes1795435500000 } from './1795435500000-ReportFixes';

/** Every migration, oldest first. Listed explicitly so that ts and compiled runs load the same set. */
export const MIGRATIONS = [
  Network1795426270271,
  Donations1795428949382,
  Outbox1795429646794,
  Pickups1795429693691,
  Refurbishing1795430752192,
  Orders1795431405777,
  MillisecondCursors1795432085922,
  Reconciliation1795433000000,
  ImpactReportIndexes1795433100000,
  RegionFlows1795433200000,
  LoginThrottle1795433300000,
  InputChecks1795433400000,
  ConcurrencyProtocol1795433500000,
  OrganizationOperations1795433520000,
  DeviceCapabilities1795433540000,
  ExpectedDevices1795433600000,
  IssuedAttestations1795433700000,
  Accounts1795433800000,
  PickupChanges1795433900000,
  RoutingControls1795434000000,
  WorkshopLifecycle1795434100000,
  MatchingNeeds1795434200000,
  Notifications1795434300000,
  OrganizationFlags1795434900000,
  NeedsAndAccompaniment1795435000000,
  LoansAndRepairs1795435100000,
  PricesAndInvoices1795435200000,
  Paperwork1795435300000,
  ReportFixes1795435500000,
];
