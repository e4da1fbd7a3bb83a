/** The directory as CSV (the format and its formula guard: core/http/csv.ts). */
import { csvDocument } from '../../../core/http/index.js';
import { adminAmbassadorPath } from '../paths.js';
import { kindLabel, statusLabel, tieLabel, willingLabel } from './labels.js';
import { type DirectoryRow, whereLabel } from './queries.js';

const columns: [string, (r: DirectoryRow, publicUrl: string) => string | Date | null][] = [
  ['Nom', (r) => r.name],
  ['Organisation', (r) => r.organisationName],
  ['Type', (r) => kindLabel(r.kind)],
  ['E-mail', (r) => r.email],
  ['Téléphone', (r) => r.phone],
  ['Lien au Lot', (r) => tieLabel(r.tie)],
  ['Lieu', (r) => whereLabel(r)],
  ['Chapitre', (r) => r.chapterName],
  ['Métier', (r) => r.trade],
  ['Compétences', (r) => r.skills.join(', ')],
  ['Volontaire pour', (r) => r.willing.map(willingLabel).join(', ')],
  ['Statut', (r) => statusLabel(r.status)],
  ['Code', (r) => r.code],
  ['Inscrit le', (r) => r.createdAt],
  ['Dernière activité', (r) => r.lastActivityAt],
  ['Fiche', (r, url) => `${url}${adminAmbassadorPath(r.id)}`],
];

export function directoryCsv(items: DirectoryRow[], publicUrl: string): string {
  return csvDocument(
    columns.map(([header]) => header),
    items.map((r) => columns.map(([, value]) => value(r, publicUrl))),
  );
}
