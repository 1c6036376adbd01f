import type { ReactNode } from 'react';
import type { Session } from './api/session';
import { JobsPage } from './pages/admin/jobs-page';
import { RegionsPage } from './pages/admin/regions-page';
import { ExplorerRoute } from './pages/admin/explorer-route';
import { DashboardPage } from './pages/coordinator/dashboard-page';
import { EligibilityPage } from './pages/coordinator/eligibility-page';
import { OrganizationsPage } from './pages/coordinator/organizations-page';
import { StockCountsPage } from './pages/coordinator/stock-counts-page';
import { StuckWorkPage } from './pages/coordinator/stuck-work-page';
import { UsersPage } from './pages/coordinator/users-page';
import { DeclareDonationPage } from './pages/donor/declare-donation-page';
import { DonationPage } from './pages/donor/donation-page';
import { DonationsPage } from './pages/donor/donations-page';
import { ImpactPage } from './pages/donor/impact-page';
import { NotificationsPage } from './pages/notifications/notifications-page';
import { AccompanimentPage } from './pages/partner/accompaniment-page';
import { LoansPage } from './pages/partner/loans-page';
import { NewOrderPage } from './pages/partner/new-order-page';
import { OrderPage } from './pages/partner/order-page';
import { OrdersPage } from './pages/partner/orders-page';
import { PartnerRepairsPage } from './pages/partner/repairs-page';
import { WaitingListPage } from './pages/partner/waiting-list-page';
import { LotPage } from './pages/refurbisher/lot-page';
import { LotsPage } from './pages/refurbisher/lots-page';
import { OffersPage } from './pages/refurbisher/offers-page';
import { RefurbisherRepairsPage } from './pages/refurbisher/repairs-page';
import { StockPage } from './pages/refurbisher/stock-page';
import { WorkshopPage } from './pages/refurbisher/workshop-page';
import { InvoicesPage } from './pages/paperwork/invoices-page';
import { TaxReceiptsPage } from './pages/paperwork/tax-receipts-page';
import { PricesPage } from './pages/refurbisher/prices-page';
import { WasteRegisterPage } from './pages/refurbisher/waste-register-page';
import { PublicReuseReportPage } from './pages/donor/public-reuse-page';

/** Every page but the home, with the roles that may open it (the API decides anyway: this only keeps menus honest). */
export interface Route {
  path: string;
  roles: string[];
  render: (params: Record<string, string>, session: Session) => ReactNode;
}

const DONOR = ['DONOR'];
const REFURBISHER = ['REFURBISHER'];
const PARTNER = ['PARTNER'];
const COORDINATOR = ['COORDINATOR'];
const STAFF = ['COORDINATOR', 'ADMIN'];

export const ROUTES: Route[] = [
  { path: '/dons/nouveau', roles: DONOR, render: () => <DeclareDonationPage /> },
  { path: '/dons', roles: DONOR, render: () => <DonationsPage /> },
  // the coordinator opens the objects stuckWork names, to act on them
  {
    path: '/dons/:id',
    roles: [...DONOR, ...COORDINATOR],
    render: ({ id }, session) => <DonationPage key={id} id={id} staff={session.user.role === 'COORDINATOR'} />,
  },
  { path: '/impact', roles: DONOR, render: () => <ImpactPage /> },
  { path: '/offres', roles: REFURBISHER, render: () => <OffersPage /> },
  { path: '/lots', roles: REFURBISHER, render: () => <LotsPage /> },
  {
    path: '/lots/:id',
    roles: [...REFURBISHER, ...COORDINATOR],
    render: ({ id }, session) => <LotPage key={id} id={id} staff={session.user.role === 'COORDINATOR'} />,
  },
  { path: '/atelier', roles: REFURBISHER, render: () => <WorkshopPage /> },
  { path: '/stock', roles: REFURBISHER, render: () => <StockPage /> },
  { path: '/commandes/nouvelle', roles: PARTNER, render: () => <NewOrderPage /> },
  { path: '/commandes', roles: PARTNER, render: () => <OrdersPage /> },
  { path: '/commandes/:id', roles: [...PARTNER, ...COORDINATOR], render: ({ id }) => <OrderPage key={id} id={id} /> },
  { path: '/tableau-de-bord', roles: COORDINATOR, render: (_, session) => <DashboardPage session={session} /> },
  { path: '/a-traiter', roles: COORDINATOR, render: (_, session) => <StuckWorkPage session={session} /> },
  { path: '/organisations', roles: STAFF, render: (_, session) => <OrganizationsPage session={session} /> },
  { path: '/regions', roles: ['ADMIN'], render: () => <RegionsPage /> },
  { path: '/notifications', roles: ['DONOR', 'REFURBISHER', 'PARTNER', 'COORDINATOR', 'ADMIN'], render: () => <NotificationsPage /> },
  // loaded on demand: GraphiQL is most of a megabyte that no other page needs
  { path: '/explorer', roles: ['ADMIN'], render: (_, session) => <ExplorerRoute session={session} /> },
  { path: '/utilisateurs', roles: STAFF, render: (_, session) => <UsersPage session={session} /> },
  // the workshop reads its counts, the coordinator reviews them
  { path: '/inventaires', roles: [...COORDINATOR, ...REFURBISHER], render: (_, session) => <StockCountsPage session={session} /> },
  { path: '/taches-de-fond', roles: ['ADMIN'], render: () => <JobsPage /> },
  // money and paperwork: each reads only what the API gives the caller
  { path: '/tarifs', roles: REFURBISHER, render: () => <PricesPage /> },
  { path: '/factures', roles: [...REFURBISHER, ...PARTNER], render: () => <InvoicesPage /> },
  { path: '/recus-fiscaux', roles: [...REFURBISHER, ...DONOR], render: (_, session) => <TaxReceiptsPage session={session} /> },
  { path: '/registre-dechets', roles: REFURBISHER, render: (_, session) => <WasteRegisterPage session={session} /> },
  { path: '/rapport-reemploi', roles: DONOR, render: (_, session) => <PublicReuseReportPage session={session} /> },
  { path: '/personnes', roles: PARTNER, render: (_, session) => <WaitingListPage session={session} /> },
  { path: '/prets', roles: PARTNER, render: () => <LoansPage /> },
  // the partner reports a breakdown, the workshop that delivered the device resolves it
  {
    path: '/reparations',
    roles: [...PARTNER, ...REFURBISHER],
    render: (_, session) => (session.user.role === 'REFURBISHER' ? <RefurbisherRepairsPage /> : <PartnerRepairsPage />),
  },
  { path: '/accompagnement', roles: PARTNER, render: () => <AccompanimentPage /> },
  { path: '/eligibilite', roles: COORDINATOR, render: (_, session) => <EligibilityPage session={session} /> },
];
