import { DeviceCategory } from '@app/common';
import { OrganizationKind } from '../entities/organization-kind';

/**
 * A demo network in Auvergne-Rhône-Alpes. The organizations are invented; the cities are real
 * and located from GeoNames at seed time. One user per organization; the first of each kind
 * gets the short demo login (donor@demo.local, ...).
 */
export interface DemoOrganization {
  kind: OrganizationKind;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  login: string;
  serviceRadiusKm?: number;
  capacities?: Partial<Record<DeviceCategory, number>>;
}

export const DEMO_PASSWORD = 'reuse-demo';
export const DEMO_REGION = { code: 'ARA', name: 'Auvergne-Rhône-Alpes' };

const refurbisher = (name: string, street: string, postalCode: string, city: string, login: string, radius: number, laptops: number): DemoOrganization => ({
  kind: OrganizationKind.REFURBISHER,
  name,
  street,
  postalCode,
  city,
  login,
  serviceRadiusKm: radius,
  capacities: {
    LAPTOP: laptops,
    DESKTOP: Math.round(laptops / 2),
    MONITOR: laptops,
    TABLET: Math.round(laptops / 4),
    SMARTPHONE: Math.round(laptops / 2),
    PRINTER: 5,
    OTHER: 10,
  },
});

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    kind: OrganizationKind.COORDINATOR,
    name: 'Réseau Réemploi Numérique AURA',
    street: '12 rue de la République',
    postalCode: '69002',
    city: 'Lyon',
    login: 'coordinator@demo.local',
  },

  refurbisher('Atelier Numérique Solidaire', '45 avenue Jean Jaurès', '69007', 'Lyon', 'refurbisher@demo.local', 120, 80),
  refurbisher('Recyclerie Informatique des Alpes', '8 rue des Arts', '38000', 'Grenoble', 'refurbisher2@demo.local', 150, 60),
  refurbisher('Ordi Solidaire Forézien', '3 place Jean Jaurès', '42000', 'Saint-Étienne', 'refurbisher3@demo.local', 100, 40),
  refurbisher('Volcans Réemploi', '21 boulevard Lafayette', '63000', 'Clermont-Ferrand', 'refurbisher4@demo.local', 180, 50),
  refurbisher('Savoie Reconditionnement', '5 rue Sommeiller', '74000', 'Annecy', 'refurbisher5@demo.local', 120, 30),

  {
    kind: OrganizationKind.PARTNER,
    name: 'CCAS de Villeurbanne',
    street: '1 place Lazare Goujon',
    postalCode: '69100',
    city: 'Villeurbanne',
    login: 'partner@demo.local',
  },
  {
    kind: OrganizationKind.PARTNER,
    name: 'CCAS de Vénissieux',
    street: '5 avenue Marcel Houël',
    postalCode: '69200',
    city: 'Vénissieux',
    login: 'partner2@demo.local',
  },
  {
    kind: OrganizationKind.PARTNER,
    name: 'Mission Locale de Grenoble',
    street: '9 rue Jean Prévost',
    postalCode: '38000',
    city: 'Grenoble',
    login: 'partner3@demo.local',
  },
  {
    kind: OrganizationKind.PARTNER,
    name: 'Secours Populaire de la Loire',
    street: '14 rue Balay',
    postalCode: '42000',
    city: 'Saint-Étienne',
    login: 'partner4@demo.local',
  },
  {
    kind: OrganizationKind.PARTNER,
    name: 'Lycée professionnel de Valence',
    street: '2 rue Barthélemy de Laffemas',
    postalCode: '26000',
    city: 'Valence',
    login: 'partner5@demo.local',
  },
  {
    kind: OrganizationKind.PARTNER,
    name: 'Espace France Services de Chambéry',
    street: '4 place du Palais de Justice',
    postalCode: '73000',
    city: 'Chambéry',
    login: 'partner6@demo.local',
  },
  {
    kind: OrganizationKind.PARTNER,
    name: 'Association Emmaüs Roanne',
    street: '30 rue Mulsant',
    postalCode: '42300',
    city: 'Roanne',
    login: 'partner7@demo.local',
  },
  {
    kind: OrganizationKind.PARTNER,
    name: 'CCAS de Clermont-Ferrand',
    street: '28 rue Saint-Genès',
    postalCode: '63000',
    city: 'Clermont-Ferrand',
    login: 'partner8@demo.local',
  },

  { kind: OrganizationKind.DONOR, name: 'Métropole de Lyon', street: '20 rue du Lac', postalCode: '69003', city: 'Lyon', login: 'donor@demo.local' },
  {
    kind: OrganizationKind.DONOR,
    name: 'Banque Régionale du Dauphiné',
    street: '15 cours Jean Jaurès',
    postalCode: '38000',
    city: 'Grenoble',
    login: 'donor2@demo.local',
  },
  {
    kind: OrganizationKind.DONOR,
    name: 'Assurances Mutuelles du Forez',
    street: '10 rue Gambetta',
    postalCode: '42000',
    city: 'Saint-Étienne',
    login: 'donor3@demo.local',
  },
  {
    kind: OrganizationKind.DONOR,
    name: 'Pneumatiques Arvernes',
    street: '23 place des Carmes',
    postalCode: '63000',
    city: 'Clermont-Ferrand',
    login: 'donor4@demo.local',
  },
  {
    kind: OrganizationKind.DONOR,
    name: 'Conseil départemental de la Drôme',
    street: '26 avenue du Président Herriot',
    postalCode: '26000',
    city: 'Valence',
    login: 'donor5@demo.local',
  },
  { kind: OrganizationKind.DONOR, name: 'Ville d’Annecy', street: '1 rue Jean Jaurès', postalCode: '74000', city: 'Annecy', login: 'donor6@demo.local' },
  { kind: OrganizationKind.DONOR, name: 'Logistique Rhodanienne', street: '7 rue de la Gare', postalCode: '38200', city: 'Vienne', login: 'donor7@demo.local' },
  {
    kind: OrganizationKind.DONOR,
    name: 'Agglomération de Bourg-en-Bresse',
    street: '3 avenue Arsène d’Arsonval',
    postalCode: '01000',
    city: 'Bourg-en-Bresse',
    login: 'donor8@demo.local',
  },
  { kind: OrganizationKind.DONOR, name: 'Thermes de Vichy', street: '1 avenue Thermale', postalCode: '03200', city: 'Vichy', login: 'donor9@demo.local' },
  {
    kind: OrganizationKind.DONOR,
    name: 'Ingénierie Savoyarde',
    street: '12 avenue de Lyon',
    postalCode: '73000',
    city: 'Chambéry',
    login: 'donor10@demo.local',
  },
];
