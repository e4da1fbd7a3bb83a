import type { FastifyRequest } from 'fastify';

/**
 * Where a household came from: the campaign and the ambassador's code of the link that brought it
 * (`/mon-projet?campagne=…&ambassadeur=…`). The landing page carries them to the first form as hidden fields,
 * and the file keeps them when it is created. This is the one place that reads them, the first-party
 * attribution cookie (issue 5) included.
 */
export interface Attribution {
  campaign: string | null;
  ambassadorCode: string | null;
}

/**
 * The first-party cookie that remembers the ambassador whose link brought the visitor, set by the ambassadors'
 * module only when the visitor agrees (its value: the code). Read here, after the link's own parameters.
 */
export const attributionCookieName = 'choisir_ref';

const campaignPattern = /^[\p{L}\p{N} _.-]{1,100}$/u;
const codePattern = /^[A-Za-z0-9_-]{1,40}$/;

function clean(value: unknown, pattern: RegExp): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  return pattern.test(trimmed) ? trimmed : null;
}

/** An ambassador code as stored: upper case, so "abc12" typed by hand matches the printed "ABC12". */
export const normaliseAmbassadorCode = (code: string) => code.trim().toUpperCase();

/**
 * Reads the attribution of a request from its query string (GET) or the hidden fields of the form (POST); when
 * neither carries an ambassador's code, from the attribution cookie (the link's own parameters win).
 */
export function readAttribution(request: FastifyRequest): Attribution {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<
    string,
    unknown
  >;
  const campaign = clean(body.campagne ?? query.campagne, campaignPattern);
  const code =
    clean(body.ambassadeur ?? query.ambassadeur, codePattern) ??
    clean(request.cookies?.[attributionCookieName], codePattern);
  return { campaign, ambassadorCode: code ? normaliseAmbassadorCode(code) : null };
}

/** The query string that carries an attribution on to the next page ('' when there is none). */
export function attributionQuery(attribution: Attribution): string {
  const params = new URLSearchParams();
  if (attribution.campaign) params.set('campagne', attribution.campaign);
  if (attribution.ambassadorCode) params.set('ambassadeur', attribution.ambassadorCode);
  const text = params.toString();
  return text ? `?${text}` : '';
}
