import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshDatabase } from '../../../test/helpers/db.js';
import type { Database } from '../../core/db/index.js';
import { AppError } from '../../core/http/index.js';
import { searchCommunes } from './search.js';

let database: Database;
before(async () => {
  database = await freshDatabase();
});
after(() => database.close());

const names = async (q: string, limit = 8) =>
  (await searchCommunes(database.db, q, limit)).map((c) => c.name);

test('accents, case, hyphens and "St" do not matter', async () => {
  assert.ok((await names('saint cirq')).includes('Saint-Cirq-Lapopie'));
  assert.deepEqual((await names('saint cirq')).slice(0, 3).sort(), [
    'Saint-Cirq-Lapopie',
    'Saint-Cirq-Madelon',
    'Saint-Cirq-Souillaguet',
  ]);
  assert.equal((await names('st-cirq lapopie'))[0], 'Saint-Cirq-Lapopie');
  assert.equal((await names('ST CIRQ LAPOPIE'))[0], 'Saint-Cirq-Lapopie');
  assert.equal((await names('puy l eveque'))[0], "Puy-l'Évêque");
  assert.equal((await names("Puy-l'Évêque"))[0], "Puy-l'Évêque");
  assert.equal((await names('coeur de causse'))[0], 'Cœur de Causse');
  assert.equal((await names('BELAYE'))[0], 'Bélaye');
});

test('the beginning of a name is enough, the exact name comes first', async () => {
  assert.equal((await names('figea'))[0], 'Figeac');
  assert.equal((await names('cahor'))[0], 'Cahors');
  assert.equal((await names('martel'))[0], 'Martel', 'exact before "Saint-Denis-lès-Martel"');
  assert.ok((await names('martel')).includes('Saint-Denis-lès-Martel'));
  assert.equal((await names('lapopie'))[0], 'Saint-Cirq-Lapopie', 'a later word of the name');
});

test('typos are tolerated: missing, wrong or swapped letters', async () => {
  assert.equal((await names('figeak'))[0], 'Figeac');
  assert.equal((await names('gourdn'))[0], 'Gourdon');
  assert.equal((await names('cahros'))[0], 'Cahors');
  assert.equal((await names('rocamdaour'))[0], 'Rocamadour');
  assert.equal((await names('souilac'))[0], 'Souillac');
});

test('postal codes and INSEE codes, whole or begun', async () => {
  const figeac = await searchCommunes(database.db, '46100', 20);
  assert.equal(figeac[0].name, 'Figeac', 'the largest commune of the postal code first');
  assert.ok(figeac.length > 3 && figeac.every((c) => c.postalCodes.includes('46100')));
  assert.equal((await names('46042'))[0], 'Cahors', 'INSEE code');
  const begun = await searchCommunes(database.db, '4630', 50);
  assert.ok(
    begun.length > 5 &&
      begun.every((c) => c.postalCodes.some((p) => p.startsWith('4630')) || c.code.startsWith('4630')),
  );
  assert.deepEqual(await names('46100 capdenac'), ['Capdenac'], 'code and name together');
});

test('results carry what a suggestion shows', async () => {
  const [figeac] = await searchCommunes(database.db, 'figeac', 1);
  assert.deepEqual(
    { code: figeac.code, slug: figeac.slug, postalCodes: figeac.postalCodes, epciName: figeac.epciName },
    { code: '46102', slug: 'figeac', postalCodes: ['46100'], epciName: 'CC Grand-Figeac' },
  );
  assert.equal(typeof figeac.population, 'number');
});

test('nothing to search, nothing found, odd input: no error', async () => {
  assert.deepEqual(await names(''), []);
  assert.deepEqual(await names('   '), []);
  assert.deepEqual(await names('!!! %_'), []);
  assert.deepEqual(await names('zzzqqqxw'), []);
  assert.deepEqual(await names("'; drop table communes; --"), []);
  assert.ok((await names('\u0000cahors'))[0] === 'Cahors', 'a NUL byte is dropped, not sent to PostgreSQL');
  assert.equal((await names('saint', 5)).length, 5, 'the limit is kept');
  assert.equal((await names('a', 1000)).length <= 100, true);
});

test('an overlong query is refused with a French message', async () => {
  await assert.rejects(
    () => searchCommunes(database.db, 'a'.repeat(101)),
    (error) => error instanceof AppError && error.status === 400 && /caractères/.test(error.message),
  );
});
