import { render } from 'preact-render-to-string';
import type { Db } from '../../core/db/index.js';
import { notFound } from '../../core/http/index.js';
import { CommunePage, type Locator, summary } from './commune-page.js';
import { communeCard, communePath, getDepartement, listCommuneShapes, listCommunes } from './communes.js';
import { EpciPage } from './epci-page.js';
import { type Epci, epciBorders, epciPath, listEpcis, listEpcisWithLocalCount } from './epcis.js';
import { lifeCard } from './facilities/index.js';
import { CommunesMap, fitMap } from './map.js';
import { epciColours, mutedFill } from './palette.js';
import type { TerritorySeed } from './reference.js';
import { outlinePath } from './svg-path.js';
import type { TerritoryFigures } from './territory-page.js';

/**
 * What the territory's pages show, built from the database and rendered where it is heavy (maps, life
 * cards). The routes keep these in a derived cache: reference data changes rarely, pages are the same for all.
 */
export interface RenderedBody {
  title: string;
  description: string;
  canonical: string;
  /** HTML produced by Preact (every value escaped), to insert as it is. */
  html: string;
}

/** EPCI colours, the same on every map: bordering EPCIs get the most different ones. */
export async function epciColourMap(db: Db): Promise<Map<string, string>> {
  const [list, borders] = await Promise.all([listEpcis(db), epciBorders(db)]);
  return epciColours(
    list.map((e) => e.code),
    borders,
  );
}

/** /territoire: figures, the EPCIs, and the map of every commune as an SVG string. */
export async function territoryView(db: Db, seed: TerritorySeed) {
  const [epcis, communes, shapes, colours] = await Promise.all([
    listEpcisWithLocalCount(db),
    listCommunes(db),
    listCommuneShapes(db),
    epciColourMap(db),
  ]);
  const epciNames = new Map(epcis.map((e) => [e.code, e.name]));
  const slugs = new Map(communes.map((c) => [c.code, c.slug]));
  const mapSvg = render(
    <CommunesMap
      id="carte-communes"
      title={`Carte des ${communes.length} communes ${seed.ofName}, colorées selon leur intercommunalité`}
      shapes={shapes}
      width={600}
      tolerance={1}
      fill={(s) => colours.get(s.epciCode ?? '') ?? mutedFill}
      href={(s) => `/territoire/communes/${slugs.get(s.code)}`}
      label={(s) => (s.epciCode ? `${s.name} (${epciNames.get(s.epciCode)})` : s.name)}
    />,
  );
  const figures: TerritoryFigures = {
    inName: seed.inName,
    ofName: seed.ofName,
    intro: seed.intro,
    communes: communes.length,
    population: communes.reduce((sum, c) => sum + (c.population ?? 0), 0),
    areaKm2: communes.reduce((sum, c) => sum + (c.areaKm2 ?? 0), 0),
  };
  return { epcis, colours, mapSvg, figures };
}

/** An EPCI's page: its communes and its map over the département's outline. */
export async function epciBody(db: Db, seed: TerritorySeed, epci: Epci): Promise<RenderedBody> {
  const [communes, shapes, dep, colours] = await Promise.all([
    listCommunes(db, { epciCode: epci.code }),
    listCommuneShapes(db, { epciCode: epci.code }),
    getDepartement(db),
    epciColourMap(db),
  ]);
  const slugs = new Map(communes.map((c) => [c.code, c.slug]));
  const mapSvg = render(
    <CommunesMap
      id="carte-epci"
      title={`Les communes de ${epci.name} ${seed.inName}`}
      shapes={shapes}
      background={dep?.outline ?? null}
      width={480}
      tolerance={0.7}
      fill={() => colours.get(epci.code) ?? mutedFill}
      href={(s) => `/territoire/communes/${slugs.get(s.code)}`}
    />,
  );
  const seat = communes.find((c) => c.code === epci.seatCode);
  return {
    title: `${epci.name} : ses communes`,
    description: `${epci.name} : population, communes membres ${seed.inName}, carte et fiches des communes.`,
    canonical: epciPath(epci),
    html: render(
      <EpciPage
        epci={epci}
        communes={communes}
        seat={seat}
        mapSvg={mapSvg}
        inName={seed.inName}
        ofName={seed.ofName}
      />,
    ),
  };
}

/** The small map of the département every life card shows the commune on: projected once. */
export async function departementLocator(
  db: Db,
): Promise<{ locator: Locator | null; chefLieu: string | null }> {
  const dep = await getDepartement(db);
  if (!dep?.outline) return { locator: null, chefLieu: dep?.chefLieu ?? null };
  const width = 200;
  const { projection, height } = fitMap([dep.outline], width, undefined, 8);
  return {
    locator: { projection, path: outlinePath(dep.outline, projection, 0.6), width, height },
    chefLieu: dep.chefLieu,
  };
}

/** A commune's life card; a French 404 when the slug names no commune. */
export async function communeBody(
  db: Db,
  seed: TerritorySeed,
  slug: string,
  departement: { locator: Locator | null; chefLieu: string | null },
): Promise<RenderedBody> {
  const card = await communeCard(db, slug, seed.landmarks);
  if (!card) throw notFound('Cette commune n’existe pas ici. Cherchez-la par son nom ou son code postal.');
  const { commune } = card;
  const facilities = await lifeCard(db, commune.code);
  return {
    title: `${commune.name} (${commune.postalCodes[0] ?? commune.code}), commune ${seed.ofName}`,
    description: summary(card, departement.chefLieu, seed.ofName),
    canonical: communePath(commune),
    html: render(
      <CommunePage
        card={card}
        locator={departement.locator}
        prefectureCode={departement.chefLieu}
        inName={seed.inName}
        ofName={seed.ofName}
        facilities={facilities}
      />,
    ),
  };
}
