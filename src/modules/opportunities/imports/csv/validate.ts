import Value from 'typebox/value';
import { detailsSchemas, type OpportunityDetails } from '../../kinds.js';
import type { OpportunityInput, Seller } from '../../store.js';
import type { CommuneIndex } from '../communes.js';
import type { RejectedRow } from '../runs.js';
import type { Column, ColumnSpec, CsvKind } from './columns.js';
import type { CsvRow } from './parse.js';

export interface RowContext {
  communes: CommuneIndex;
  /** Target profiles that exist (slug and name). */
  profiles: { slug: string; name: string }[];
  /** Today, yyyy-mm-dd: an expiry date before it is refused. */
  today: string;
}

export interface ValidRow {
  reference: string;
  /** Everything but where it comes from (source, organisation, adviser), which the run adds. */
  input: OpportunityInput;
  seller: Seller | null;
  adviserEmail: string | null;
}

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };
const bad = (reason: string): Parsed => ({ ok: false, reason });
const good = (value: unknown): Parsed => ({ ok: true, value });

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** "1 200,50 €" → 1200.5; null when it is not a number. */
function number(raw: string): number | null {
  const compact = raw
    .replace(/[\s\u00a0\u202f€]/g, '')
    .replace(/m²|m2$/i, '')
    .replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : null;
}

/** 31/12/2025, 31-12-2025 or 2025-12-31 → 2025-12-31; null for anything else or a date that does not exist. */
function isoDate(raw: string): string | null {
  const french = raw.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  const iso = raw.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const [y, m, d] = french
    ? [Number(french[3]), Number(french[2]), Number(french[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  if (!y) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const allowed = (options: Record<string, string>) =>
  Object.entries(options)
    .map(([code, label]) => (fold(code) === fold(label) ? code : `${code} (${label})`))
    .join(', ');

function parseCell(spec: ColumnSpec, raw: string, ctx: RowContext): Parsed {
  switch (spec.type) {
    case 'text':
      return raw.length > spec.max
        ? bad(`Texte trop long : ${raw.length} caractères pour ${spec.max} au plus.`)
        : good(raw);
    case 'enum': {
      const wanted = fold(raw);
      const code = Object.keys(spec.options).find(
        (k) => fold(k) === wanted || fold(spec.options[k]) === wanted,
      );
      return code
        ? good(code)
        : bad(`« ${raw} » n’est pas une valeur permise. Valeurs possibles : ${allowed(spec.options)}.`);
    }
    case 'integer':
    case 'number': {
      const n = number(raw);
      if (n === null) return bad(`« ${raw} » n’est pas un nombre (par exemple 1200 ou 1 200,50).`);
      if (spec.type === 'integer' && !Number.isInteger(n))
        return bad(`« ${raw} » : un nombre entier est attendu.`);
      if (n < spec.min) return bad(`La valeur doit être au moins ${spec.min}.`);
      if (n > spec.max) return bad(`La valeur doit être au plus ${spec.max.toLocaleString('fr-FR')}.`);
      return good(n);
    }
    case 'date': {
      const date = isoDate(raw);
      return date
        ? good(date)
        : bad(`« ${raw} » n’est pas une date valide (format JJ/MM/AAAA, par exemple 01/09/2025).`);
    }
    case 'boolean': {
      const v = fold(raw);
      if (['oui', 'o', 'vrai', '1', 'x', 'yes'].includes(v)) return good(true);
      if (['non', 'n', 'faux', '0', 'no'].includes(v)) return good(false);
      return bad(`« ${raw} » : répondez « oui » ou « non ».`);
    }
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw) && raw.length <= 320
        ? good(raw.toLowerCase())
        : bad(`« ${raw} » n’est pas une adresse e-mail valide.`);
    case 'phone':
      return /^[0-9 +().-]{6,30}$/.test(raw)
        ? good(raw)
        : bad(`« ${raw} » n’est pas un numéro de téléphone valide.`);
    case 'url':
      return /^https?:\/\/[^\s]+$/i.test(raw) && raw.length <= 1000
        ? good(raw)
        : bad(`« ${raw} » n’est pas une adresse web complète (elle doit commencer par https://).`);
    case 'commune': {
      const place = ctx.communes.resolve(raw);
      return place.ok ? good(place.code) : bad(place.reason);
    }
    case 'profiles': {
      const slugs: string[] = [];
      for (const part of raw
        .split(/[|,;]/)
        .map((p) => p.trim())
        .filter(Boolean)) {
        const found = ctx.profiles.find((p) => fold(p.slug) === fold(part) || fold(p.name) === fold(part));
        if (!found)
          return bad(
            `Profil inconnu : « ${part} ». Profils possibles : ${ctx.profiles.map((p) => p.slug).join(', ')}.`,
          );
        if (!slugs.includes(found.slug)) slugs.push(found.slug);
      }
      return good(slugs);
    }
  }
}

const defined = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;

/** The details of a kind from the parsed cells. */
function detailsOf(kind: CsvKind, v: Record<string, unknown>): OpportunityDetails {
  if (kind === 'takeover')
    return defined({
      businessKind: v.type_activite,
      operation: v.operation,
      headcountBand: v.effectif,
      turnoverBand: v.chiffre_affaires,
      minContribution: v.apport_minimum,
      housingIncluded: v.logement_inclus,
      availableFrom: v.disponible_le,
      reason: v.motif,
      confidentiality: v.confidentialite ?? 'epci',
    }) as OpportunityDetails;
  if (kind === 'premises')
    return defined({
      premisesKind: v.type_local,
      surfaceM2: v.surface_m2,
      rentMonthly: v.loyer_mensuel,
      salePrice: v.prix_vente,
      availableFrom: v.disponible_le,
      equipment: v.equipements,
    }) as OpportunityDetails;
  return defined({
    housingKind: v.type_logement,
    capacity: v.capacite,
    rentText: v.loyer_texte,
    rentMonthly: v.loyer_mensuel,
    periods: v.disponible_du ? [defined({ from: v.disponible_du, to: v.disponible_au })] : undefined,
    conditions: v.conditions,
  }) as OpportunityDetails;
}

/** One row to what the import writes, or every problem in it (line, column, French reason). */
export function validateRow(
  kind: CsvKind,
  row: CsvRow,
  columns: Column[],
  ctx: RowContext,
): { ok: true; value: ValidRow } | { ok: false; errors: RejectedRow[] } {
  const errors: RejectedRow[] = [];
  const reject = (field: string, reason: string) => errors.push({ line: row.line, field, reason });
  if (row.overflow)
    reject(
      '(ligne)',
      'La ligne a plus de cellules que de colonnes : un texte contenant un séparateur doit être entre guillemets.',
    );
  const v: Record<string, unknown> = {};
  for (const column of columns) {
    const raw = row.cells[column.header] ?? '';
    if (!raw) {
      if (column.required) reject(column.header, 'Valeur obligatoire : la cellule est vide.');
      continue;
    }
    const parsed = parseCell(column.spec, raw, ctx);
    if (parsed.ok) v[column.header] = parsed.value;
    else reject(column.header, parsed.reason);
  }
  if (typeof v.date_expiration === 'string' && v.date_expiration < ctx.today)
    reject('date_expiration', 'Cette date est déjà passée : l’annonce ne serait pas publiée.');
  if (kind === 'housing') {
    if (v.disponible_au && !v.disponible_du && !row.cells.disponible_du)
      reject('disponible_du', 'Indiquez aussi le début de la période (disponible_du).');
    if (
      typeof v.disponible_au === 'string' &&
      typeof v.disponible_du === 'string' &&
      v.disponible_au < v.disponible_du
    )
      reject('disponible_au', 'La fin de la période précède son début.');
  }
  const sellerColumns = [
    'cedant_entreprise',
    'cedant_adresse',
    'cedant_email',
    'cedant_telephone',
    'cedant_notes',
  ];
  if (kind === 'takeover' && !row.cells.cedant_nom && sellerColumns.some((c) => row.cells[c]))
    reject('cedant_nom', 'Le nom du cédant est obligatoire dès qu’une information sur le cédant est donnée.');
  if (errors.length) return { ok: false, errors };

  const details = detailsOf(kind, v);
  if (!Value.Check(detailsSchemas[kind], details)) {
    // The columns' own checks mirror the schema: reaching here means they drifted apart.
    const [first] = Value.Errors(detailsSchemas[kind], details);
    return {
      ok: false,
      errors: [{ line: row.line, field: first?.instancePath.slice(1) ?? '', reason: 'Valeur refusée.' }],
    };
  }
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : null);
  const input: OpportunityInput = {
    kind,
    status: 'published',
    title: str('titre')!,
    description: str('description')!,
    communeCode: str('commune'),
    hideCommune: kind === 'takeover' && (details as { confidentiality?: string }).confidentiality === 'epci',
    sourceUrl: str('lien'),
    targetProfiles: (v.profils as string[] | undefined) ?? [],
    sector: str('secteur'),
    priceBand: str('tranche_prix'),
    contactName: str('contact_nom'),
    contactEmail: str('contact_email'),
    contactPhone: str('contact_telephone'),
    details,
    expiresAt: str('date_expiration') ? new Date(`${str('date_expiration')}T23:59:59Z`) : null,
  };
  const seller: Seller | null =
    kind === 'takeover' && str('cedant_nom')
      ? {
          name: str('cedant_nom')!,
          company: str('cedant_entreprise'),
          address: str('cedant_adresse'),
          email: str('cedant_email'),
          phone: str('cedant_telephone'),
          notes: str('cedant_notes'),
        }
      : null;
  return {
    ok: true,
    value: { reference: str('reference')!, input, seller, adviserEmail: str('email_conseiller') },
  };
}
