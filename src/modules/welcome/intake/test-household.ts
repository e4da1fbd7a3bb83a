/** A household's browser without JavaScript, for the intake's tests: cookies, CSRF token, redirects. */
import assert from 'node:assert/strict';
import { asc, eq } from 'drizzle-orm';
import { cookiesOf, csrfTokenIn, type TestApp } from '../../../../test/helpers/app.js';
import { mailOutbox } from '../../../core/mail/index.js';
import { newcomerFiles } from '../schema.js';

let ipCounter = 0;

export class Household {
  cookie = '';
  /** The CSRF token of the last form seen (the secret cookie stays, so it stays valid). */
  token = '';
  readonly ip: string;
  constructor(
    private readonly t: TestApp,
    ip?: string,
  ) {
    this.ip = ip ?? `10.4.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;
  }

  async get(url: string) {
    const response = await this.t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: this.cookie },
      remoteAddress: this.ip,
    });
    this.cookie = cookiesOf(response, this.cookie);
    const token = response.body.match(/name="_csrf" value="([^"]+)"/);
    if (token) this.token = token[1];
    return response;
  }

  /** Posts with the last token seen, without opening the form first (a form kept open in another tab). */
  async postDirect(url: string, fields: Record<string, string | string[]>) {
    const body = new URLSearchParams({ _csrf: this.token });
    for (const [key, value] of Object.entries(fields))
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    const response = await this.t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
      remoteAddress: this.ip,
    });
    this.cookie = cookiesOf(response, this.cookie);
    return response;
  }

  /** Opens the form page, then submits it with its CSRF token and these fields (lists repeat the field). */
  async post(url: string, fields: Record<string, string | string[]>, formPage = url) {
    const page = await this.get(formPage);
    assert.equal(page.statusCode, 200, `${formPage}: ${page.statusCode} ${page.headers.location ?? ''}`);
    const body = new URLSearchParams({ _csrf: csrfTokenIn(page.body) });
    for (const [key, value] of Object.entries(fields))
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    const response = await this.t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
      remoteAddress: this.ip,
    });
    this.cookie = cookiesOf(response, this.cookie);
    return response;
  }

  /** Follows 30x answers from a GET, as a browser would; returns the last answer and its URL. */
  async follow(url: string, limit = 5) {
    let current = url;
    for (let i = 0; i < limit; i++) {
      const response = await this.get(current);
      if (response.statusCode < 300 || response.statusCode >= 400) return { response, url: current };
      current = String(response.headers.location);
    }
    throw new Error(`too many redirects from ${url}`);
  }
}

export async function mailsTo(t: TestApp, email: string) {
  return t.ctx.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipient, email))
    .orderBy(asc(mailOutbox.createdAt));
}

/** The path of the magic link in an email (links are absolute). */
export function magicLinkIn(text: string): string {
  const match = text.match(/https?:\/\/[^/\s]+(\/mon-espace\/lien\/[A-Za-z0-9_-]+)/);
  assert.ok(match, `no magic link in: ${text}`);
  return match[1];
}

export async function fileByEmail(t: TestApp, email: string) {
  const [file] = await t.ctx.db.select().from(newcomerFiles).where(eq(newcomerFiles.email, email));
  return file;
}

export const contactFields = (email: string) => ({
  contactName: 'Camille Martin',
  email,
  phone: '06 12 34 56 78',
});

/** Fills every page up to the summary with short valid answers (the Département's consent included). */
export async function fillAll(
  t: TestApp,
  h: Household,
  email: string,
  place: Record<string, string | string[]>,
) {
  const { one } = await import('../../../core/db/index.js');
  const { sql } = await import('drizzle-orm');
  const departement = await one<{ id: string }>(
    t.ctx.db,
    sql`select id from organisations where kind = 'departement'`,
  );
  const steps: [string, Record<string, string | string[]>][] = [
    ['contact', contactFields(email)],
    ['foyer', { 'adult-1-firstName': 'Camille' }],
    ['projet', { projectKinds: 'remote' }],
    ['lieu', place],
    ['logement', { housingTenure: 'unknown' }],
    ['calendrier', { timeline: 'unknown' }],
    ['origine', { heardFrom: 'press' }],
    ['profil', { targetProfile: 'aucun' }],
    ['consentement', { partenaire: departement?.id ?? '', epci: 'oui' }],
  ];
  for (const [step, fields] of steps) {
    const r = await h.post(`/mon-projet/${step}`, fields);
    assert.equal(r.statusCode, 303, `${step}: ${r.statusCode}`);
  }
}
