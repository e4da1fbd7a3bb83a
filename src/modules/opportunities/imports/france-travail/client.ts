import { AppError } from '../../../../core/http/index.js';
import type { FtOffer } from './mapping.js';

/** A failure talking to France Travail, with a French message an operator can act on. */
export class FranceTravailError extends AppError {
  constructor(message: string) {
    super(502, 'france_travail', message);
  }
}

export interface FranceTravailClientOptions {
  clientId: string;
  clientSecret: string;
  /** The OAuth2 token endpoint, realm included. */
  tokenUrl: string;
  /** The API base, e.g. https://api.francetravail.io/partenaire/offresdemploi/v2 */
  apiUrl: string;
  scope?: string;
  /** Minimum spacing of API calls: France Travail answers 429 beyond about 3 calls a second. */
  minIntervalMs?: number;
  timeoutMs?: number;
  /** Retries of one call after a 429, a 5xx, a timeout or a network error. */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface SearchQuery {
  departement: string;
  /** First and last index, inclusive (France Travail's `range`). */
  from: number;
  to: number;
  /** ISO instants without milliseconds; France Travail wants both or neither. */
  minCreationDate?: string;
  maxCreationDate?: string;
}

export interface SearchPage {
  status: 200 | 204 | 206;
  offers: FtOffer[];
  /** Matching offers in all, from Content-Range; the page's length when absent. */
  total: number;
}

export const defaultScope = 'api_offresdemploiv2 o2dsoffre';
const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date; one second when absent or unreadable, at most a minute. */
export function retryAfterMs(header: string | null, now: number): number {
  if (!header) return 1000;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 60_000) : 1000;
}

/** "offres 0-149/1523" → 1523. */
export function totalFromContentRange(header: string | null): number | null {
  const match = header?.match(/\/\s*(\d+)\s*$/);
  return match ? Number(match[1]) : null;
}

/**
 * The "Offres d'emploi v2" API: OAuth2 client credentials (the token is cached until shortly before it
 * expires), range paging, a client-side rate limit and retries that honour Retry-After.
 */
export class FranceTravailClient {
  private token: { value: string; until: number } | null = null;
  private lastCallAt = 0;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  /** Calls made, for the run's log and tests. */
  calls = 0;

  constructor(private readonly options: FranceTravailClientOptions) {
    this.sleep = options.sleep ?? sleepFor;
    this.now = options.now ?? Date.now;
  }

  private async fetchWithTimeout(url: string, init: RequestInit): Promise<Response> {
    return fetch(url, { ...init, signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) });
  }

  async accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.until) return this.token.value;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret,
      scope: this.options.scope ?? defaultScope,
    });
    let response: Response;
    try {
      response = await this.fetchWithTimeout(this.options.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
      });
    } catch (error) {
      throw new FranceTravailError(
        `Impossible de joindre le service d’authentification de France Travail (${describe(error)}).`,
      );
    }
    if (response.status === 400 || response.status === 401)
      throw new FranceTravailError(
        'France Travail refuse les identifiants : vérifiez FRANCE_TRAVAIL_CLIENT_ID, FRANCE_TRAVAIL_CLIENT_SECRET et l’accès de l’application à l’API « Offres d’emploi v2 ».',
      );
    if (!response.ok)
      throw new FranceTravailError(
        `Le service d’authentification de France Travail a répondu ${response.status}.`,
      );
    const json = (await response.json().catch(() => null)) as {
      access_token?: unknown;
      expires_in?: unknown;
    } | null;
    if (typeof json?.access_token !== 'string')
      throw new FranceTravailError('France Travail a renvoyé un jeton d’accès illisible.');
    const lifetime = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 300;
    // Renew a minute early (or at a tenth of a short lifetime) so no call goes out with an expiring token.
    const margin = Math.min(60, lifetime / 10);
    this.token = { value: json.access_token, until: this.now() + (lifetime - margin) * 1000 };
    return this.token.value;
  }

  /** Keeps API calls at least minIntervalMs apart. */
  private async throttle(): Promise<void> {
    const wait = this.lastCallAt + (this.options.minIntervalMs ?? 340) - this.now();
    if (wait > 0) await this.sleep(wait);
    this.lastCallAt = this.now();
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    const params = new URLSearchParams({
      departement: query.departement,
      range: `${query.from}-${query.to}`,
    });
    if (query.minCreationDate && query.maxCreationDate) {
      params.set('minCreationDate', query.minCreationDate);
      params.set('maxCreationDate', query.maxCreationDate);
    }
    const url = `${this.options.apiUrl.replace(/\/+$/, '')}/offres/search?${params}`;
    const maxRetries = this.options.maxRetries ?? 4;
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      await this.throttle();
      this.calls++;
      let response: Response;
      try {
        response = await this.fetchWithTimeout(url, {
          headers: { authorization: `Bearer ${await this.accessToken()}`, accept: 'application/json' },
        });
      } catch (error) {
        if (error instanceof FranceTravailError) throw error;
        if (attempt >= maxRetries)
          throw new FranceTravailError(`France Travail ne répond pas (${describe(error)}).`);
        await this.sleep(1000 * 2 ** attempt);
        continue;
      }
      if (response.status === 204) return { status: 204, offers: [], total: 0 };
      if (response.status === 200 || response.status === 206) {
        const json = (await response.json().catch(() => null)) as { resultats?: unknown } | null;
        if (!json || !Array.isArray(json.resultats))
          throw new FranceTravailError('France Travail a renvoyé une page d’offres illisible.');
        const offers = json.resultats as FtOffer[];
        const total =
          totalFromContentRange(response.headers.get('content-range')) ?? query.from + offers.length;
        return { status: response.status, offers, total };
      }
      await response.body?.cancel();
      if (response.status === 401 && !renewed) {
        // The token may have been revoked early: get a new one once.
        renewed = true;
        this.token = null;
        continue;
      }
      if ((response.status === 429 || response.status >= 500) && attempt < maxRetries) {
        await this.sleep(
          response.status === 429
            ? retryAfterMs(response.headers.get('retry-after'), this.now())
            : 1000 * 2 ** attempt,
        );
        continue;
      }
      throw new FranceTravailError(statusMessage(response.status));
    }
  }
}

function statusMessage(status: number): string {
  if (status === 401 || status === 403)
    return `France Travail refuse l’accès aux offres (${status}) : vérifiez que l’application est abonnée à l’API « Offres d’emploi v2 ».`;
  if (status === 400 || status === 416)
    return `France Travail refuse la recherche (${status}) : paramètres de pagination ou de dates invalides.`;
  if (status === 429)
    return 'France Travail limite les appels (429) et demande de patienter : réessayez plus tard.';
  return `France Travail a répondu ${status} : le service est peut-être indisponible, réessayez plus tard.`;
}

function describe(error: unknown): string {
  const e = error as Error & { cause?: { code?: string } };
  if (e?.name === 'TimeoutError') return 'délai dépassé';
  return e?.cause?.code ?? e?.message ?? String(error);
}
