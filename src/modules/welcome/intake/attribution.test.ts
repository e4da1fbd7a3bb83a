import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { type TestApp, testApp } from '../../../../test/helpers/app.js';
import { attributionCookieName, readAttribution } from './attribution.js';
import { contactFields, fileByEmail, Household } from './test-household.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const request = (parts: { query?: object; body?: object; cookies?: Record<string, string> }) =>
  parts as unknown as FastifyRequest;

test('the attribution cookie is read only when the link carries no code', () => {
  const cookies = { [attributionCookieName]: 'lot-cook1' };
  assert.equal(readAttribution(request({ cookies })).ambassadorCode, 'LOT-COOK1');
  assert.equal(
    readAttribution(request({ cookies, query: { ambassadeur: 'LOT-LINK1' } })).ambassadorCode,
    'LOT-LINK1',
  );
  assert.equal(
    readAttribution(request({ cookies, body: { ambassadeur: 'LOT-FORM1' } })).ambassadorCode,
    'LOT-FORM1',
  );
  // A tampered cookie is ignored, never stored.
  assert.equal(
    readAttribution(request({ cookies: { [attributionCookieName]: '<script>' } })).ambassadorCode,
    null,
  );
});

test('a household whose only attribution is the cookie gets a file recording the code', async () => {
  const h = new Household(t);
  h.cookie = `${attributionCookieName}=LOT-COOK2`;
  const email = 'cookie.only@example.org';
  const r = await h.post('/mon-projet/contact', contactFields(email), '/mon-projet/contact');
  assert.equal(r.statusCode, 303);
  const file = await fileByEmail(t, email);
  assert.equal(file.ambassadorCode, 'LOT-COOK2');
});

test('the link’s own code wins over the cookie', async () => {
  const h = new Household(t);
  h.cookie = `${attributionCookieName}=LOT-COOK3`;
  const email = 'link.wins@example.org';
  const r = await h.post(
    '/mon-projet/contact',
    { ...contactFields(email), ambassadeur: 'LOT-LINK3' },
    '/mon-projet/contact?ambassadeur=LOT-LINK3',
  );
  assert.equal(r.statusCode, 303);
  assert.equal((await fileByEmail(t, email)).ambassadorCode, 'LOT-LINK3');
});
