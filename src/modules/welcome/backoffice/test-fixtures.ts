/** Shared set-up of the back-office tests: two EPCI teams, the Département, and a few files each. */
import { eq } from 'drizzle-orm';
import type { TestApp } from '../../../../test/helpers/app.js';
import { createUser, departement, loginAs } from '../../../../test/helpers/factories.js';
import { createTestFile, twoEpciOrganisations } from '../../../../test/helpers/welcome.js';
import { fileStages } from '../schema.js';

export async function twoTeams(t: TestApp) {
  const db = t.ctx.db;
  const [orgA, orgB] = await twoEpciOrganisations(db);
  const refA = await createUser(db, { role: 'referent', organisationId: orgA.id, name: 'Alice Aubry' });
  const refB = await createUser(db, { role: 'referent', organisationId: orgB.id, name: 'Bruno Bex' });
  const dep = await createUser(db, { role: 'referent', organisationId: (await departement(db)).id });
  const fileA1 = await createTestFile(db, {
    leadOrganisationId: orgA.id,
    referentId: refA.id,
    contactName: 'Élodie Lefèvre',
    phone: '06 11 22 33 44',
    email: 'elodie@example.org',
  });
  const fileA2 = await createTestFile(db, {
    leadOrganisationId: orgA.id,
    contactName: 'Marc Andrieu',
    phone: '+33 7 98 76 54 32',
    stageSlug: 'qualification',
    overrides: { projectKinds: ['takeover'], targetProfile: 'secondes-vies' },
  });
  const fileB1 = await createTestFile(db, {
    leadOrganisationId: orgB.id,
    referentId: refB.id,
    contactName: 'Zoé Bernard',
    phone: '05 65 00 00 01',
  });
  // A draft the household has not submitted: nobody lists it.
  const draft = await createTestFile(db, {
    leadOrganisationId: orgA.id,
    contactName: 'Brouillon Pasenvoyé',
    status: 'intake',
  });
  return {
    orgA,
    orgB,
    refA,
    refB,
    dep,
    files: { fileA1, fileA2, fileB1, draft },
    cookieA: await loginAs(t.app, refA.email, refA.password),
    cookieB: await loginAs(t.app, refB.email, refB.password),
    cookieDep: await loginAs(t.app, dep.email, dep.password),
  };
}

export async function stageBySlug(t: TestApp, slug: string) {
  const [stage] = await t.ctx.db.select().from(fileStages).where(eq(fileStages.slug, slug));
  return stage;
}

export const getPage = (t: TestApp, cookie: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie } });
