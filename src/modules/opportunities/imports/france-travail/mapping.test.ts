import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retryAfterMs, totalFromContentRange } from './client.js';
import { contractTypeOf, experienceOf, isWanted, salaryOf, sectorOf } from './mapping.js';

const offer = (fields: Record<string, unknown>) => ({ id: 'X', ...fields });

test('contract types: France Travail codes, with alternance winning over them', () => {
  assert.equal(contractTypeOf(offer({ typeContrat: 'CDI' })), 'cdi');
  assert.equal(contractTypeOf(offer({ typeContrat: 'MIS' })), 'interim');
  assert.equal(contractTypeOf(offer({ typeContrat: 'SAI' })), 'cdd');
  assert.equal(contractTypeOf(offer({ typeContrat: 'LIB' })), 'liberal');
  assert.equal(
    contractTypeOf(offer({ typeContrat: 'CDD', natureContrat: 'Cont. professionnalisation' })),
    'alternance',
  );
  assert.equal(contractTypeOf(offer({ typeContrat: 'CDI', alternance: true })), 'alternance');
  assert.equal(contractTypeOf(offer({ typeContrat: 'ZZZ' })), null);
});

test('experience bands from the code and the stated duration', () => {
  assert.equal(experienceOf(offer({ experienceExige: 'D', experienceLibelle: 'Débutant accepté' })), 'none');
  assert.equal(experienceOf(offer({ experienceExige: 'E', experienceLibelle: '6 Mois' })), '1y');
  assert.equal(experienceOf(offer({ experienceExige: 'S', experienceLibelle: '6 Mois' })), 'none');
  assert.equal(experienceOf(offer({ experienceExige: 'E', experienceLibelle: '3 An(s)' })), '3y');
  assert.equal(experienceOf(offer({ experienceExige: 'S', experienceLibelle: '10 An(s) - cadre' })), '5y');
  assert.equal(experienceOf(offer({})), undefined);
});

test('salary amounts and their period, for JobPosting', () => {
  assert.deepEqual(salaryOf('Mensuel de 2000.00 Euros à 2300.00 Euros sur 12 mois'), {
    salaryMin: 2000,
    salaryMax: 2300,
    salaryUnit: 'MONTH',
  });
  assert.deepEqual(salaryOf('Horaire de 11.88 Euros sur 12 mois'), {
    salaryMin: 11.88,
    salaryMax: 11.88,
    salaryUnit: 'HOUR',
  });
  assert.deepEqual(salaryOf('Selon profil'), {});
});

test('sector from the employer’s activity, else the ROME field; wanted profiles', () => {
  assert.equal(
    sectorOf(offer({ secteurActiviteLibelle: 'Activités hospitalières', romeCode: 'M1602' })),
    'sante',
  );
  assert.equal(
    sectorOf(
      offer({ secteurActiviteLibelle: 'Activités des agences de travail temporaire', romeCode: 'F1703' }),
    ),
    'btp',
  );
  assert.equal(sectorOf(offer({ romeCode: 'K1201' })), 'sante');
  assert.equal(sectorOf(offer({ romeCode: 'M1805' })), 'numerique');
  assert.equal(sectorOf(offer({})), 'autre');
  assert.equal(isWanted(offer({ romeCode: 'J1102' })), true);
  assert.equal(isWanted(offer({ romeCode: 'H1206' })), true);
  assert.equal(isWanted(offer({ romeCode: 'D1106', intitule: 'Vendeur / Vendeuse' })), false);
  assert.equal(isWanted(offer({ romeCode: 'D1407', intitule: 'Technicienne itinérante (H/F)' })), true);
});

test('Content-Range and Retry-After as France Travail sends them', () => {
  assert.equal(totalFromContentRange('offres 0-149/1523'), 1523);
  assert.equal(totalFromContentRange(null), null);
  assert.equal(retryAfterMs('2', 0), 2000);
  assert.equal(retryAfterMs(null, 0), 1000);
  assert.equal(
    retryAfterMs('Wed, 21 Oct 2025 07:28:05 GMT', Date.parse('Wed, 21 Oct 2025 07:28:00 GMT')),
    5000,
  );
});
