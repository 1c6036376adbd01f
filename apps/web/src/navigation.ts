/** The pages of each role, in the order of its day; the home page lists them too. */
export interface NavItem {
  to: string;
  label: string;
  description: string;
}

export const NAVIGATION: Record<string, NavItem[]> = {
  DONOR: [
    { to: '/dons/nouveau', label: 'Déclarer un don', description: 'Des lignes saisies, ou le tableur de votre service informatique.' },
    { to: '/dons', label: 'Mes dons', description: 'Leurs lots, leurs enlèvements et chaque appareil.' },
    { to: '/impact', label: 'Rapport d’impact', description: 'L’attestation PDF et le détail CSV de l’année.' },
    { to: '/recus-fiscaux', label: 'Reçus fiscaux', description: 'Les reçus des ateliers pour vos dons en nature, en PDF.' },
    { to: '/rapport-reemploi', label: 'Rapport de réemploi', description: 'Organismes publics : la part réemployée de l’année et l’objectif du décret.' },
  ],
  REFURBISHER: [
    { to: '/offres', label: 'Offres', description: 'Les lots proposés : distance, quantités, échéance ; accepter ou refuser.' },
    { to: '/lots', label: 'Enlèvements et réception', description: 'Planifier, reporter, annuler, effectuer ; réceptionner par numéro de série.' },
    { to: '/atelier', label: 'Atelier', description: 'Effacement des données, contrôle et classement, recyclage.' },
    { to: '/stock', label: 'Stock', description: 'Les appareils disponibles et réservés.' },
    { to: '/inventaires', label: 'Inventaires', description: 'Vos comptages du stock et leurs écarts.' },
    { to: '/tarifs', label: 'Tarifs', description: 'Vos prix par catégorie et grade, sous les plafonds légaux ; la mention de TVA.' },
    { to: '/factures', label: 'Factures', description: 'Les factures et bons de livraison émis à l’expédition.' },
    { to: '/recus-fiscaux', label: 'Reçus fiscaux', description: 'Délivrer un reçu pour un don reçu ; ceux déjà délivrés.' },
    { to: '/registre-dechets', label: 'Registre des déchets', description: 'Les appareils recyclés, leur destination et le registre CSV.' },
    { to: '/reparations', label: 'Réparations', description: 'Les pannes signalées par les partenaires : réparer, échanger, clore ; votre garantie.' },
  ],
  PARTNER: [
    { to: '/commandes/nouvelle', label: 'Commander', description: 'Des appareils pour les personnes que vous accompagnez, par profil.' },
    { to: '/commandes', label: 'Mes commandes', description: 'L’attribution, l’expédition, et la confirmation de livraison.' },
    { to: '/factures', label: 'Factures', description: 'Les factures des appareils qui vous ont été expédiés.' },
    {
      to: '/personnes',
      label: 'Personnes en attente',
      description: 'Enregistrer un besoin, la liste d’attente et l’attente estimée, commander pour ces personnes.',
    },
    { to: '/prets', label: 'Prêts', description: 'Les appareils prêtés : échéances, retards, prolonger, retour, don.' },
    { to: '/reparations', label: 'Réparations', description: 'Signaler la panne d’un appareil livré et suivre sa réparation.' },
    { to: '/accompagnement', label: 'Accompagnement', description: 'Les séances d’aide au numérique avec les personnes équipées.' },
  ],
  COORDINATOR: [
    { to: '/tableau-de-bord', label: 'Tableau de bord', description: 'Les flux de la région, semaine par semaine.' },
    { to: '/a-traiter', label: 'À traiter', description: 'Ce qui n’avance plus, et ce qu’il faut faire.' },
    { to: '/organisations', label: 'Organisations', description: 'Créer, modifier, désactiver ; leurs comptes.' },
    { to: '/utilisateurs', label: 'Utilisateurs', description: 'Les comptes de la région : créer, renommer, désactiver, lien de réinitialisation.' },
    { to: '/inventaires', label: 'Inventaires', description: 'Les comptages des ateliers : décider chaque écart, clore.' },
    { to: '/eligibilite', label: 'Critères d’éligibilité', description: 'Les critères sous lesquels les partenaires inscrivent une personne.' },
  ],
  ADMIN: [
    { to: '/regions', label: 'Régions', description: 'Créer une région et sa coordination.' },
    { to: '/organisations', label: 'Organisations', description: 'Toutes les organisations et leurs comptes.' },
    { to: '/explorer', label: 'Explorateur GraphQL', description: 'L’API telle que la console l’utilise : le schéma, et des requêtes avec votre session.' },
    { to: '/utilisateurs', label: 'Utilisateurs', description: 'Tous les comptes, administrateurs compris.' },
    { to: '/taches-de-fond', label: 'Tâches de fond', description: 'Les files, la boîte d’envoi, les tâches en échec.' },
  ],
};
