import type { AppContext } from '../../core/context.js';
import type { SitemapEntry } from '../../core/module.js';
import { communePath, listCommunes } from './communes.js';
import { epciPath, listEpcis } from './epcis.js';
import { territorySeed } from './reference.js';

/** The territory's public pages: the map, the A to Z, every EPCI and every commune. */
export async function territorySitemap(ctx: AppContext): Promise<SitemapEntry[]> {
  const { inName, ofName } = territorySeed();
  const [epcis, communes] = await Promise.all([listEpcis(ctx.db), listCommunes(ctx.db)]);
  const section = `Vivre ${inName}`;
  return [
    { path: '/territoire', title: `Vivre ${inName} : la carte des communes`, section },
    { path: '/territoire/communes', title: `Les communes ${ofName} de A à Z`, section },
    ...epcis.map((e) => ({ path: epciPath(e), title: e.name, section: `Intercommunalités ${ofName}` })),
    ...communes.map((c) => ({ path: communePath(c), title: c.name, section: `Communes ${ofName}` })),
  ];
}
