import { sql } from 'drizzle-orm';
import { type Db, one } from '../../../core/db/index.js';
import { findProfile } from '../../content/index.js';
import {
  communeCard,
  communeCardSummary,
  communePath,
  distancesFrom,
  epciKindLabel,
  epciPath,
  findCommuneByCode,
  getDepartement,
  territorySeed,
} from '../../territory/index.js';
import type { NewcomerFile } from '../files.js';
import {
  bodyLines,
  type KitLink,
  type KitSectionKind,
  sectionLinks,
  sectionsForProfile,
} from './sections.js';

/**
 * A household's welcome kit, assembled on demand from the editable sections (those for everyone and those of
 * the file's target profile), the territory's life card of its commune, its EPCI's contacts and its referent.
 * The page and the PDF both render this one shape, so what the household reads is what staff previewed.
 */
export interface Kit {
  fileId: string;
  reference: string;
  /** The household's name as given: the only personal detail a kit carries. */
  householdName: string | null;
  profileName: string | null;
  sections: { title: string; kind: KitSectionKind; items: string[]; links: KitLink[] }[];
  commune: KitCommune | null;
  epci: KitEpci | null;
  referent: KitReferent | null;
}

export interface KitCommune {
  code: string;
  name: string;
  path: string;
  /** Why this commune: where they settled, where they look, or the EPCI's seat. */
  reason: 'settled' | 'interest' | 'seat';
  summary: string;
  population: number | null;
  postalCodes: string[];
  areaKm2: number | null;
  distances: { to: string; km: number; note: string | null }[];
}

export interface KitEpci {
  name: string;
  kindLabel: string;
  path: string;
  seatName: string | null;
  organisationName: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
}

export interface KitReferent {
  name: string | null;
  email: string | null;
  organisationName: string | null;
  organisationEmail: string | null;
  organisationPhone: string | null;
}

export const communeReasonLabels: Record<KitCommune['reason'], string> = {
  settled: 'votre commune d’installation',
  interest: 'une commune qui vous intéresse',
  seat: 'le siège de votre intercommunalité',
};

interface EpciRow {
  code: string;
  name: string;
  slug: string;
  kind: string;
  seatCode: string | null;
  seatName: string | null;
  organisationName: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
}

function findEpci(db: Db, code: string): Promise<EpciRow | undefined> {
  return one<EpciRow>(
    db,
    sql`select e.code, e.name, e.slug, e.kind, e.seat_code as "seatCode", e.seat_name as "seatName",
          o.name as "organisationName", o.email, o.phone, o.website
        from epcis e left join organisations o on o.epci_code = e.code and o.kind = 'epci'
        where e.code = ${code}`,
  );
}

async function loadCommune(
  db: Db,
  file: NewcomerFile,
  epci: EpciRow | undefined,
): Promise<KitCommune | null> {
  const candidates: [string | null | undefined, KitCommune['reason']][] = [
    [file.settledCommuneCode, 'settled'],
    [file.placeCommunes[0], 'interest'],
    [epci?.seatCode, 'seat'],
  ];
  const seed = territorySeed();
  for (const [code, reason] of candidates) {
    if (!code) continue;
    const commune = await findCommuneByCode(db, code);
    if (!commune) continue;
    const card = await communeCard(db, commune.slug, seed.landmarks);
    if (!card) continue;
    const chefLieu = (await getDepartement(db))?.chefLieu ?? null;
    return {
      code: commune.code,
      name: commune.name,
      path: communePath(commune),
      reason,
      summary: communeCardSummary(card, chefLieu, seed.ofName),
      population: commune.population,
      postalCodes: commune.postalCodes,
      areaKm2: commune.areaKm2,
      distances: distancesFrom(card, chefLieu)
        .slice(0, 4)
        .map((d) => ({ to: d.to, km: d.km, note: d.note })),
    };
  }
  return null;
}

async function loadReferent(db: Db, file: NewcomerFile): Promise<KitReferent | null> {
  if (!file.referentId && !file.leadOrganisationId) return null;
  const row = await one<KitReferent>(
    db,
    sql`select u.name, u.email, o.name as "organisationName", o.email as "organisationEmail",
          o.phone as "organisationPhone"
        from (select 1) x
        left join users u on u.id = ${file.referentId} and u.status = 'active'
        left join organisations o on o.id = coalesce(u.organisation_id, ${file.leadOrganisationId})`,
  );
  return row && (row.name || row.organisationName) ? row : null;
}

export async function assembleKit(db: Db, file: NewcomerFile): Promise<Kit> {
  const [sections, profile] = await Promise.all([
    sectionsForProfile(db, file.targetProfile),
    file.targetProfile ? findProfile(db, file.targetProfile) : Promise.resolve(undefined),
  ]);
  let epci = file.epciCode ? await findEpci(db, file.epciCode) : undefined;
  const commune = await loadCommune(db, file, epci);
  if (!epci && commune) {
    // No EPCI chosen yet (the Département's queue): the commune's own EPCI is still the right contact.
    const own = await findCommuneByCode(db, commune.code);
    if (own?.epciCode) epci = await findEpci(db, own.epciCode);
  }
  return {
    fileId: file.id,
    reference: file.reference,
    householdName: file.contactName,
    profileName: profile?.name ?? null,
    sections: sections.map((s) => ({
      title: s.title,
      kind: s.kind,
      items: s.kind === 'links' ? [] : bodyLines(s.body),
      links: s.kind === 'links' ? sectionLinks(s.body) : [],
    })),
    commune,
    epci: epci
      ? {
          name: epci.name,
          kindLabel: epciKindLabel(epci.kind),
          path: epciPath(epci),
          seatName: epci.seatName,
          organisationName: epci.organisationName,
          email: epci.email,
          phone: epci.phone,
          website: epci.website,
        }
      : null,
    referent: await loadReferent(db, file),
  };
}
