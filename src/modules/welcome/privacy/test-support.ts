/** Shared by the privacy tests: a household session opened by its magic link, and a file with its people. */
import assert from 'node:assert/strict';
import { cookiesOf, csrfTokenIn, type TestApp } from '../../../../test/helpers/app.js';
import { createOrganisation, createUser, departement } from '../../../../test/helpers/factories.js';
import { createTestFile, twoEpciOrganisations } from '../../../../test/helpers/welcome.js';
import { issueMagicLink } from '../household-session.js';

const form = 'application/x-www-form-urlencoded';

export async function householdSession(t: TestApp, fileId: string) {
  const link = (await issueMagicLink(t.ctx, fileId)).replace(t.config.PUBLIC_URL, '');
  const page = await t.app.inject({ method: 'GET', url: link });
  const jar = cookiesOf(page);
  const response = await t.app.inject({
    method: 'POST',
    url: link,
    headers: { cookie: jar, 'content-type': form },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body) }).toString(),
  });
  assert.equal(response.statusCode, 303);
  return cookiesOf(response, jar);
}

export async function householdPost(
  t: TestApp,
  cookie: string,
  url: string,
  fields: Record<string, string>,
  formPage: string,
) {
  const page = await t.app.inject({ method: 'GET', url: formPage, headers: { cookie } });
  assert.equal(page.statusCode, 200, page.body);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookiesOf(page, cookie), 'content-type': form },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body), ...fields }).toString(),
  });
}

/** A file led by EPCI A, shared with a chamber, with the Département consented; and who is who. */
export async function setup(t: TestApp) {
  const db = t.db();
  const [orgA, orgB] = await twoEpciOrganisations(db);
  const chamber = await createOrganisation(db, { kind: 'chambre', name: 'Chambre de test' });
  const dep = await departement(db);
  const referent = await createUser(db, { role: 'referent', organisationId: orgA.id });
  const chamberAdviser = await createUser(db, { role: 'adviser', organisationId: chamber.id });
  const outsider = await createUser(db, { role: 'referent', organisationId: orgB.id });
  const file = await createTestFile(db, {
    leadOrganisationId: orgA.id,
    referentId: referent.id,
    sharedWith: [chamber.id],
    consentedOrganisationIds: [dep.id],
    adults: [
      { firstName: 'Camille', occupation: 'Infirmière', seekingWork: true, jobSearch: 'Soins à domicile' },
    ],
    childrenAges: [7],
  });
  return { orgA, orgB, chamber, dep, referent, chamberAdviser, outsider, file };
}
