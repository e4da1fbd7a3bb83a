import type { NewcomerFile } from '../files.js';
import type { OfferedPartner } from './store.js';

/**
 * What the consent step offers, from the editable partner list:
 * - the Département, required: it coordinates the welcome and is the controller of the file;
 * - the intercommunality of the places chosen, as one choice named after them. Offering only those (rather
 *   than every EPCI) is what the household understands — « the team where I want to live » — and shares
 *   the least. When no place is chosen yet, the choice covers every intercommunality, so the Département can
 *   pass the file to the right one once the household decides;
 * - every other partner (the chambers), optional, each with its purpose.
 */
export interface ConsentOffer {
  required: OfferedPartner[];
  epcis: OfferedPartner[];
  /** True when the EPCI choice covers every intercommunality (no place chosen yet). */
  allEpcis: boolean;
  optional: OfferedPartner[];
}

/** The EPCIs of the household's places: those ticked, and those of the communes named. */
export function placeEpciCodes(
  file: Pick<NewcomerFile, 'placeEpcis' | 'placeCommunes'>,
  communeEpci: Map<string, string | null>,
): string[] {
  const fromCommunes = file.placeCommunes.map((c) => communeEpci.get(c)).filter((e): e is string => !!e);
  return [...new Set([...file.placeEpcis, ...fromCommunes])];
}

export function consentOffer(partners: OfferedPartner[], epciCodes: string[]): ConsentOffer {
  const allEpciPartners = partners.filter((p) => p.kind === 'epci');
  const chosen = allEpciPartners.filter((p) => p.epciCode && epciCodes.includes(p.epciCode));
  const allEpcis = chosen.length === 0;
  return {
    required: partners.filter((p) => p.kind === 'departement'),
    epcis: allEpcis ? allEpciPartners : chosen,
    allEpcis,
    optional: partners.filter((p) => p.kind !== 'departement' && p.kind !== 'epci'),
  };
}

/** The partners consented to, from the ticked boxes (`partenaire` ids and the `epci` choice). */
export function chosenPartners(offer: ConsentOffer, ticked: string[], epci: boolean): OfferedPartner[] {
  const single = [...offer.required, ...offer.optional].filter((p) => ticked.includes(p.organisationId));
  return [...single, ...(epci ? offer.epcis : [])];
}
