import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { type TestApp, testApp } from '../../../test/helpers/app.js';
import { createTestFile, epciOrganisation } from '../../../test/helpers/welcome.js';
import { hashToken, newToken } from '../../core/auth/index.js';
import { householdCookieName, householdFile } from './household-session.js';
import { householdSessions, newcomerFiles } from './schema.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t?.close());

async function sessionFor(fileId: string): Promise<FastifyRequest> {
  const token = newToken();
  await t
    .db()
    .insert(householdSessions)
    .values({
      id: hashToken(token),
      fileId,
      expiresAt: new Date(Date.now() + 60_000),
    });
  return { cookies: { [householdCookieName]: token } } as unknown as FastifyRequest;
}

test('a household whose file was merged continues in the kept file; an erased file has no session', async () => {
  const db = t.db();
  const org = await epciOrganisation(db);
  const kept = await createTestFile(db, { leadOrganisationId: org.id });
  const merged = await createTestFile(db, { leadOrganisationId: org.id });
  const request = await sessionFor(merged.id);
  assert.equal((await householdFile(t.ctx, request))?.id, merged.id);

  await db.update(newcomerFiles).set({ mergedInto: kept.id }).where(eq(newcomerFiles.id, merged.id));
  assert.equal((await householdFile(t.ctx, request))?.id, kept.id, 'the session follows the merge');

  await db.update(newcomerFiles).set({ status: 'erased' }).where(eq(newcomerFiles.id, kept.id));
  assert.equal(await householdFile(t.ctx, request), null, 'nothing once the kept file is erased');
  assert.equal(
    await householdFile(t.ctx, {
      cookies: { [householdCookieName]: 'x'.repeat(43) },
    } as unknown as FastifyRequest),
    null,
    'an unknown token opens nothing',
  );
});
