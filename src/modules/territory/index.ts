import type { Module } from '../../core/module.js';
import { facilityRoutes, seedFacilities } from './facilities/index.js';
import { territoryRoutes } from './routes.js';
import { seedTerritory } from './seed.js';
import { territorySitemap } from './sitemap.js';

/** The territory: its département, intercommunalités (EPCI) and communes, with maps and life cards. */
export { distancesFrom, summary as communeCardSummary } from './commune-page.js';
export {
  type Commune,
  type CommuneCard,
  type CommuneShape,
  type CommuneSummary,
  communeCard,
  communePath,
  communeSummaryFacts,
  type Departement,
  findCommuneByCode,
  findCommuneBySlug,
  getDepartement,
  listCommuneShapes,
  listCommunes,
} from './communes.js';
export { type Epci, epciKindLabel, epciPath, findEpciBySlug, listEpcis } from './epcis.js';
export { BpeFileError, runBpeImport } from './facilities/index.js';
export { distanceKm, formatKm, type LonLat } from './geo.js';
export {
  CommunesMap,
  type CommunesMapProps,
  fittedProjection,
  type MapMarker,
  type MapShape,
} from './map.js';
export { epciColours, epciPalette, highlightFill, mutedFill } from './palette.js';
export { territorySeed } from './reference.js';
export { type CommuneMatch, searchCommunes } from './search.js';
export { CommuneSearchForm } from './search-form.js';
export { normalizeSearch, slugify } from './text.js';

export const territoryModule: Module = {
  name: 'territory',
  async seed(db, log) {
    await seedTerritory(db, log);
    await seedFacilities(db, log);
  },
  routes(app, ctx) {
    territoryRoutes(app, ctx);
    facilityRoutes(app, ctx);
  },
  sitemap: territorySitemap,
};
