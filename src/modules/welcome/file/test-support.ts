/** Shared set-up of the file page's tests (not a test file itself). */
import { cookiesOf, csrfTokenIn, type TestApp } from '../../../../test/helpers/app.js';
import { createUser, loginAs } from '../../../../test/helpers/factories.js';
import { twoEpciOrganisations } from '../../../../test/helpers/welcome.js';

/** Two EPCI organisations, a referent in each, signed in. */
export async function twoReferents(t: TestApp) {
  const db = t.ctx.db;
  const [lead, other] = await twoEpciOrganisations(db);
  const leadUser = await createUser(db, { role: 'referent', organisationId: lead.id, name: 'Claire Dupont' });
  const otherUser = await createUser(db, { role: 'referent', organisationId: other.id, name: 'Marc Petit' });
  return {
    lead,
    other,
    leadUser,
    otherUser,
    leadCookie: await loginAs(t.app, leadUser.email, leadUser.password),
    otherCookie: await loginAs(t.app, otherUser.email, otherUser.password),
  };
}

/** A CSRF token valid for this session, taken from a page the user may open. */
export async function csrfFor(
  t: TestApp,
  cookie: string,
  url = '/admin',
): Promise<{ cookie: string; token: string }> {
  const page = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  return { cookie: cookiesOf(page, cookie), token: csrfTokenIn(page.body) };
}

/** POSTs a form with a token from `tokenPage` (by default the dashboard, reachable by any staff member). */
export async function post(
  t: TestApp,
  cookie: string,
  url: string,
  fields: Record<string, string>,
  tokenPage = '/admin',
) {
  const csrf = await csrfFor(t, cookie, tokenPage);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf.token, ...fields }).toString(),
  });
}

/** The visible text of an HTML page, entities decoded enough for assertions on French text. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
