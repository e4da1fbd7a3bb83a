/**
 * From a submitted form to the fields of an opportunity, and back: what the form shows for a stored one.
 * Errors are French, one per field; what was typed comes back unchanged so nothing is lost on error.
 */
import { type FieldErrors, isCalendarDay, parseForm } from '../../../../core/http/index.js';
import type {
  HousingDetails,
  JobDetails,
  OpportunityDetails,
  PremisesDetails,
  TakeoverDetails,
} from '../../kinds.js';
import type { OpportunityKind } from '../../schema.js';
import type { Opportunity, Seller } from '../../store.js';
import { addDays, endOfParisDay, normaliseDay, parisDate } from './dates.js';
import type { FormValues } from './fields.js';
import {
  checkboxFields,
  dayFields,
  formMessages,
  formSchemas,
  integerFields,
  numericFields,
} from './schema.js';

/** The choices a form offers that live in the database: a submitted value must be one of them. */
export interface FormLists {
  communes: Set<string>;
  advisers: Set<string>;
  profiles: Set<string>;
}

/** The part of an opportunity a form sets; the rest (owner, organisation, source, status) stays as it was. */
export interface OpportunityFields {
  title: string;
  description: string;
  communeCode: string;
  hideCommune: boolean;
  adviserId: string | null;
  targetProfiles: string[];
  contractType: string | null;
  sector: string | null;
  priceBand: string | null;
  wanted: boolean;
  openToCouples: boolean;
  employerName: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  details: OpportunityDetails;
  startsOn: string | null;
  expiresAt: Date;
}

export type ParsedOpportunityForm =
  | { ok: true; fields: OpportunityFields; seller: Seller | undefined; intent: string }
  | { ok: false; errors: FieldErrors; values: FormValues };

/** The details keys each form edits; other keys (a France Travail ROME code…) are kept on save. */
export const formDetailKeys: Record<OpportunityKind, string[]> = {
  job: [
    'occupation',
    'workingTime',
    'hoursPerWeek',
    'salaryText',
    'salaryMin',
    'salaryMax',
    'salaryUnit',
    'experience',
    'qualification',
    'remote',
    'posts',
    'relocationHelp',
    'spouseHelp',
  ],
  takeover: [
    'businessKind',
    'operation',
    'headcountBand',
    'turnoverBand',
    'minContribution',
    'housingIncluded',
    'availableFrom',
    'reason',
    'confidentiality',
  ],
  premises: ['premisesKind', 'surfaceM2', 'rentMonthly', 'salePrice', 'availableFrom', 'equipment'],
  housing: ['housingKind', 'capacity', 'rentText', 'rentMonthly', 'periods', 'conditions'],
};

/** Days an opportunity stays online when no expiry is given, and the longest allowed. */
export const defaultExpiryDays = (kind: OpportunityKind) => (kind === 'job' ? 60 : 180);
export const maxExpiryDays = 365;

const sellerKeys = ['name', 'company', 'address', 'email', 'phone', 'notes'] as const;
const sellerField = (key: string) => `seller${key[0].toUpperCase()}${key.slice(1)}`;
const maxPeriods = 20;

/** Only strings and lists of strings come from a form; the CSRF token is not a field. */
function submittedValues(body: unknown): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (key === '_csrf') continue;
    if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === 'string');
  }
  return values;
}

/** "1 800,50 €" → "1800.50"; "31/12/2026" → "2026-12-31". */
function normalised(values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const key of numericFields) {
    if (typeof out[key] === 'string')
      out[key] = (out[key] as string).replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  }
  for (const key of dayFields) {
    if (typeof out[key] === 'string') out[key] = normaliseDay(out[key] as string);
  }
  return out;
}

/** The housing periods typed in the numbered rows, in order, with empty rows dropped. */
export function periodRows(values: FormValues): { index: number; from: string; to: string }[] {
  const indexes = new Set<number>();
  for (const key of Object.keys(values)) {
    const match = key.match(/^period(?:From|To)(\d{1,2})$/);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .filter((i) => i < maxPeriods)
    .sort((a, b) => a - b)
    .map((index) => ({
      index,
      from: normaliseDay(String(values[`periodFrom${index}`] ?? '')),
      to: normaliseDay(String(values[`periodTo${index}`] ?? '')),
    }))
    .filter((p) => p.from || p.to);
}

/** Checks the form cannot express in a schema: lists from the database, date ranges, min ≤ max. */
function crossChecks(
  kind: OpportunityKind,
  raw: Record<string, unknown>,
  values: FormValues,
  errors: FieldErrors,
  options: { lists: FormLists; now: Date; sellerEditable: boolean },
) {
  const str = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string).trim() : '');
  const add = (field: string, message: string) => {
    if (!errors[field]) errors[field] = message;
  };
  // Checked here because the schema's conversion would quietly read "12,5" postes as 12 or "1e3" as 1000.
  for (const key of numericFields) {
    const pattern = integerFields.includes(key) ? /^\d+$/ : /^\d+(\.\d+)?$/;
    if (str(key) && !pattern.test(str(key))) add(key, formMessages[key]);
  }
  const today = parisDate(options.now);
  for (const key of dayFields) {
    if (str(key) && !isCalendarDay(str(key)))
      add(key, 'Cette date n’existe pas : vérifiez le jour et le mois.');
  }
  const commune = str('communeCode');
  if (commune && !options.lists.communes.has(commune))
    add('communeCode', 'Choisissez une commune du Lot dans la liste.');
  const expires = str('expiresOn');
  if (expires && isCalendarDay(expires)) {
    if (expires <= today) add('expiresOn', 'La date d’expiration doit être dans le futur.');
    else if (expires > addDays(today, maxExpiryDays))
      add('expiresOn', 'La date d’expiration doit être dans moins d’un an.');
  }
  const min = Number(str('salaryMin'));
  const max = Number(str('salaryMax'));
  if (str('salaryMin') && str('salaryMax') && min > max)
    add('salaryMax', 'Le salaire maximum doit être supérieur ou égal au salaire minimum.');
  if (kind === 'takeover') {
    const adviser = str('adviserId');
    if (adviser && !options.lists.advisers.has(adviser))
      add('adviserId', 'Choisissez un conseiller dans la liste.');
    if (options.sellerEditable && !str('sellerName'))
      add('sellerName', 'Saisissez le nom du cédant : il reste confidentiel.');
  }
  const profiles = Array.isArray(values.profiles)
    ? values.profiles
    : values.profiles
      ? [values.profiles]
      : [];
  if (profiles.some((p) => !options.lists.profiles.has(p)))
    add('profiles', 'Choisissez les profils dans la liste.');
  if (kind === 'housing') {
    for (const p of periodRows(values)) {
      const from = `periodFrom${p.index}`;
      if (!p.from) add(from, 'Indiquez la date de début de la période.');
      else if (!isCalendarDay(p.from))
        add(from, 'Saisissez une date de début valide, par exemple 01/07/2026.');
      else if (p.to && !isCalendarDay(p.to))
        add(`periodTo${p.index}`, 'Saisissez une date de fin valide, par exemple 31/08/2026.');
      else if (p.to && p.to < p.from)
        add(`periodTo${p.index}`, 'La fin de la période doit être après son début.');
    }
  }
}

/** Keys with a value only: stored details never hold empty keys. */
function compact<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/**
 * Validates one kind's form. `sellerEditable` says whether the seller fields are shown (and so required);
 * when they are not, the seller is left as it is (undefined).
 */
export function parseOpportunityForm(
  kind: OpportunityKind,
  body: unknown,
  options: { lists: FormLists; now: Date; sellerEditable: boolean },
): ParsedOpportunityForm {
  const values = submittedValues(body);
  const raw = normalised(values);
  const parsed = parseForm(formSchemas[kind], raw, formMessages);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  crossChecks(kind, raw, values, errors, options);
  if (!parsed.ok || Object.keys(errors).length > 0) {
    delete errors._form;
    return { ok: false, errors, values };
  }
  const v = parsed.value as Record<string, unknown>;
  const s = (key: string) => (v[key] === undefined ? null : (v[key] as string));
  const checked = (key: string) => checkboxFields[kind].includes(key) && values[key] === '1';
  const expiresOn =
    (v.expiresOn as string | undefined) ?? addDays(parisDate(options.now), defaultExpiryDays(kind));
  const pick = (keys: string[]) => compact(Object.fromEntries(keys.map((k) => [k, v[k]])));
  let details: OpportunityDetails;
  if (kind === 'job') details = pick(formDetailKeys.job) as JobDetails;
  else if (kind === 'takeover')
    details = compact({
      ...pick(formDetailKeys.takeover),
      housingIncluded: checked('housingIncluded') || undefined,
    }) as TakeoverDetails;
  else if (kind === 'premises') details = pick(formDetailKeys.premises) as PremisesDetails;
  else {
    const periods = periodRows(values).map((p) => compact({ from: p.from, to: p.to || undefined }));
    details = compact({
      ...pick(formDetailKeys.housing.filter((k) => k !== 'periods')),
      periods: periods.length ? periods : undefined,
    }) as HousingDetails;
  }
  const profiles = Array.isArray(values.profiles)
    ? values.profiles
    : values.profiles
      ? [values.profiles]
      : [];
  const takeover = kind === 'takeover';
  const fields: OpportunityFields = {
    title: v.title as string,
    description: v.description as string,
    communeCode: v.communeCode as string,
    hideCommune: takeover && v.confidentiality === 'epci',
    adviserId: takeover ? s('adviserId') : null,
    targetProfiles: [...new Set(profiles)],
    contractType: kind === 'job' ? s('contractType') : null,
    sector: s('sector'),
    priceBand: takeover ? s('priceBand') : null,
    wanted: checked('wanted'),
    openToCouples: checked('openToCouples'),
    employerName: kind === 'job' ? s('employerName') : null,
    contactName: takeover ? null : s('contactName'),
    contactEmail: takeover ? null : s('contactEmail'),
    contactPhone: takeover ? null : s('contactPhone'),
    details,
    startsOn: kind === 'job' ? s('startsOn') : null,
    expiresAt: endOfParisDay(expiresOn),
  };
  const seller =
    takeover && options.sellerEditable
      ? (Object.fromEntries(sellerKeys.map((k) => [k, s(sellerField(k))])) as Seller)
      : undefined;
  return { ok: true, fields, seller, intent: typeof values.intent === 'string' ? values.intent : '' };
}

/** What the form shows for a stored opportunity (and its seller, for those who may read it). */
export function formValuesOf(o: Opportunity, seller?: Seller | null): FormValues {
  const values: FormValues = {
    title: o.title,
    description: o.description,
    communeCode: o.communeCode ?? '',
    profiles: o.targetProfiles,
    contractType: o.contractType ?? '',
    sector: o.sector ?? '',
    priceBand: o.priceBand ?? '',
    employerName: o.employerName ?? '',
    contactName: o.contactName ?? '',
    contactEmail: o.contactEmail ?? '',
    contactPhone: o.contactPhone ?? '',
    adviserId: o.adviserId ?? '',
    startsOn: o.startsOn ?? '',
    expiresOn: o.expiresAt ? parisDate(new Date(o.expiresAt)) : '',
    wanted: o.wanted ? '1' : '',
    openToCouples: o.openToCouples ? '1' : '',
  };
  const details = o.details as Record<string, unknown>;
  for (const key of formDetailKeys[o.kind]) {
    const value = details[key];
    if (key === 'periods' || value === undefined || value === null) continue;
    values[key] = typeof value === 'boolean' ? (value ? '1' : '') : String(value);
  }
  const periods = (details.periods as { from: string; to?: string }[] | undefined) ?? [];
  periods.forEach((p, i) => {
    values[`periodFrom${i}`] = p.from;
    values[`periodTo${i}`] = p.to ?? '';
  });
  if (seller) for (const key of sellerKeys) values[sellerField(key)] = seller[key] ?? '';
  return values;
}

/** Stored details with the form's keys replaced: what the form does not edit is kept. */
export function mergeDetails(
  kind: OpportunityKind,
  stored: OpportunityDetails,
  edited: OpportunityDetails,
): OpportunityDetails {
  const kept = Object.fromEntries(
    Object.entries(stored as Record<string, unknown>).filter(([k]) => !formDetailKeys[kind].includes(k)),
  );
  return { ...kept, ...edited } as OpportunityDetails;
}
