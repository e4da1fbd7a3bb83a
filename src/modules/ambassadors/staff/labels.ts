/** French labels of the ambassadors' enumerations, as staff read them. */
import type { AmbassadorKind, AmbassadorStatus, AmbassadorTie, AmbassadorWilling } from '../schema.js';

export const kindLabels: Record<AmbassadorKind, string> = {
  person: 'Particulier',
  firm: 'Entreprise',
  association: 'Association',
};

export const tieLabels: Record<AmbassadorTie, string> = {
  born: 'Né ou née dans le Lot',
  adopted: 'Lotois ou Lotoise d’adoption',
  returned: 'Revenu ou revenue dans le Lot',
  'second-home': 'Résidence secondaire',
  diaspora: 'Diaspora',
};

export const willingLabels: Record<AmbassadorWilling, string> = {
  share: 'Partager',
  host: 'Accueillir',
  speak: 'Témoigner',
  leads: 'Signaler des pistes',
};

export const statusLabels: Record<AmbassadorStatus, string> = {
  pending: 'E-mail non confirmé',
  submitted: 'À valider',
  active: 'Actif',
  refused: 'Refusé',
  left: 'Parti',
};

export const statusBadges: Record<AmbassadorStatus, string> = {
  pending: 'muted',
  submitted: 'warning',
  active: 'success',
  refused: 'danger',
  left: 'muted',
};

/** The journal's actions on an ambassador, as the record's history reads them. */
export const actionLabels: Record<string, string> = {
  'ambassador.signup': 'Inscription',
  'ambassador.confirm': 'Adresse e-mail confirmée',
  'ambassador.read': 'Fiche consultée',
  'ambassador.validate': 'Inscription validée',
  'ambassador.refuse': 'Inscription refusée',
  'ambassador.update': 'Fiche modifiée',
  'ambassador.leave': 'Départ du réseau',
  'ambassador.erase': 'Données effacées',
  'ambassador.login': 'Connexion',
  'ambassador.profile': 'Profil modifié',
  'ambassador.portrait': 'Portrait modifié',
  'ambassador.export': 'Données exportées',
  'ambassador.reengage': 'E-mail de relance envoyé',
  'ambassador.unsubscribe': 'Désabonnement des lettres',
  'mission.accept': 'Mission acceptée',
  'mission.withdraw': 'Retrait d’une mission',
  'mission.done': 'Mission réalisée',
  'lead.report': 'Contact signalé',
  'file.attribution': 'Dossier d’accueil attribué',
  'buddy.propose': 'Proposé comme parrain ou marraine',
  'buddy.ambassador.accept': 'Parrainage accepté',
  'buddy.ambassador.decline': 'Parrainage refusé',
  'buddy.household.accept': 'Parrainage accepté par le foyer',
  'buddy.household.decline': 'Parrainage refusé par le foyer',
  'buddy.end': 'Parrainage terminé',
};

export const actionLabel = (action: string) => actionLabels[action] ?? action;

const lookup = <K extends string>(labels: Record<K, string>, value: string) =>
  (labels as Record<string, string>)[value] ?? value;
export const kindLabel = (v: string) => lookup(kindLabels, v);
export const tieLabel = (v: string) => lookup(tieLabels, v);
export const willingLabel = (v: string) => lookup(willingLabels, v);
export const statusLabel = (v: string) => lookup(statusLabels, v);
