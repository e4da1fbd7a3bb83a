import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { Breadcrumbs, formatNumber } from '../../../core/views/index.js';
import { listProfiles } from '../../content/index.js';
import { listEpcis } from '../../territory/index.js';
import { contractTypes, kindLabels, priceBands, sectors } from '../kinds.js';
import { maxPage, maxRadiusKm } from '../search/filters.js';
import { baseUrl } from './api-http.js';
import { licenceName, licenceUrl } from './api-openapi.js';
import { defaultPerPage, maxPerPage } from './api-params.js';
import { csvRowCap } from './csv-export.js';
import { feedSize } from './feed-routes.js';

interface Props {
  publicUrl: string;
  siteName: string;
  epcis: { code: string; name: string }[];
  profiles: { slug: string; name: string }[];
}

/** An address in code type that may break after / ? & so a long one never overflows a phone's screen. */
function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[/?&])/);
  return (
    <code>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </span>
      ))}
    </code>
  );
}

const Address = ({ href }: { href: string }) => (
  <a href={href}>
    <Breakable text={href} />
  </a>
);

const Codes = ({ options }: { options: Record<string, string> }) => (
  <ul>
    {Object.entries(options).map(([code, label]) => (
      <li key={code}>
        <code>{code}</code> : {label}
      </li>
    ))}
  </ul>
);

const exampleItem = `{
  "data": [
    {
      "id": "…",
      "kind": "job",
      "title": "Infirmier ou infirmière de nuit",
      "commune": { "code": "46042", "name": "Cahors" },
      "epci": { "code": "…", "name": "…" },
      "location": { "lon": 1.44, "lat": 44.45 },
      "contractType": "cdi",
      "sector": "sante",
      "details": { "workingTime": "full" },
      "url": "…/opportunites/…",
      "demo": false
    }
  ],
  "meta": { "total": 42, "page": 1, "perPage": 20, "pages": 3 },
  "links": { "self": "…", "next": "…&page=2", "prev": null }
}`;

export function OpenDataPage({ publicUrl, siteName, epcis, profiles }: Props) {
  const api = `${publicUrl}/api/v1/opportunities`;
  const params: [string, preact.ComponentChildren][] = [
    ['q', 'Texte libre, en français (accents, pluriels et fautes de frappe tolérés).'],
    ['type', <Codes key="type" options={kindLabels} />],
    ['epci', <Codes key="epci" options={Object.fromEntries(epcis.map((e) => [e.code, e.name]))} />],
    ['commune', 'Code INSEE d’une commune (par exemple 46042 pour Cahors).'],
    ['rayon', `Rayon en kilomètres autour de la commune choisie, de 1 à ${maxRadiusKm}.`],
    ['contrat', <Codes key="contrat" options={contractTypes} />],
    ['secteur', <Codes key="secteur" options={sectors} />],
    ['profil', <Codes key="profil" options={Object.fromEntries(profiles.map((p) => [p.slug, p.name]))} />],
    ['prix', <Codes key="prix" options={priceBands} />],
    ['recherche', '1 : seulement les profils très recherchés.'],
    ['couple', '1 : seulement les opportunités ouvertes aux couples.'],
    ['tri', 'pertinence (par défaut), recent ou distance.'],
    ['page', `Numéro de page, de 1 à ${maxPage}.`],
    ['per_page', `API seulement : résultats par page, de 1 à ${maxPerPage} (${defaultPerPage} par défaut).`],
    ['facets', 'API seulement : 1 pour ajouter le nombre de résultats par valeur de chaque filtre.'],
  ];
  return (
    <div class="container">
      <Breadcrumbs items={[{ href: '/', label: 'Accueil' }, { label: 'Données ouvertes' }]} />
      <div class="prose">
        <h1>Données ouvertes</h1>
        <p class="lead">
          Les opportunités publiées sur {siteName} — offres d’emploi, entreprises à reprendre, locaux pour
          créer et logements temporaires — sont librement réutilisables : par une API JSON, un export CSV ou
          un flux Atom, pour n’importe quelle recherche.
        </p>

        <h2>Licence</h2>
        <p>
          Les données sont publiées sous <a href={licenceUrl}>{licenceName}</a>. Vous pouvez les copier, les
          diffuser, les transformer et les exploiter, y compris commercialement, à condition de mentionner
          leur source (« {siteName} ») et la date de leur dernière mise à jour.
        </p>

        <h2>Ce qui est publié, et ce qui ne l’est jamais</h2>
        <ul>
          <li>Seules les opportunités publiées et non expirées sont diffusées.</li>
          <li>
            L’identité du cédant d’une entreprise à reprendre n’apparaît jamais : ni son nom, ni son adresse,
            ni ses coordonnées. Les demandes passent par le conseiller de la chambre consulaire qui accompagne
            la cession.
          </li>
          <li>
            Quand la commune d’une entreprise à reprendre est masquée, seule son intercommunalité est publiée
            ; la position indiquée est alors le siège de l’intercommunalité.
          </li>
          <li>
            Les positions sont celles du centre des communes, jamais une adresse. Les données de
            démonstration, fictives, sont signalées (<code>"demo": true</code>).
          </li>
        </ul>

        <h2>Une recherche, une adresse</h2>
        <p>
          L’API, l’export CSV et le flux Atom acceptent exactement les paramètres de la{' '}
          <a href="/opportunites">page de recherche</a> : faites votre recherche sur le site, puis reprenez
          les paramètres de son adresse. Un paramètre répété (ou une liste séparée par des virgules) élargit
          la recherche : <code>type=job&amp;type=housing</code>.
        </p>
        <div class="table-wrap">
          <table>
            <caption>Paramètres de recherche</caption>
            <thead>
              <tr>
                <th scope="col">Paramètre</th>
                <th scope="col">Valeurs</th>
              </tr>
            </thead>
            <tbody>
              {params.map(([name, values]) => (
                <tr key={name}>
                  <th scope="row">
                    <code>{name}</code>
                  </th>
                  <td>{values}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <h2>L’API JSON</h2>
        <p>
          Sans clé ni inscription, utilisable depuis n’importe quel site (en-tête{' '}
          <code>Access-Control-Allow-Origin: *</code>). Les réponses peuvent être gardées en cache cinq
          minutes. La documentation complète, au format OpenAPI 3.1, est à l’adresse{' '}
          <Address href={`${publicUrl}/api/v1/openapi.json`} />.
        </p>
        <h3>Exemples</h3>
        <ul>
          <li>
            Les offres d’emploi en CDI dans la santé :{' '}
            <Address href={`${api}?type=job&contrat=cdi&secteur=sante`} />
          </li>
          <li>
            Les boulangeries à reprendre : <Address href={`${api}?type=takeover&q=boulangerie`} />
          </li>
          <li>
            Tout ce qui se trouve à 20 km de Cahors, du plus proche au plus loin :{' '}
            <Address href={`${api}?commune=46042&rayon=20&tri=distance`} />
          </li>
          <li>
            Une opportunité : <Breakable text={`${api}/{id}`} />
          </li>
        </ul>
        <h3>Réponse</h3>
        <p>
          Une page de résultats (<code>data</code>), le nombre total et le nombre de pages (<code>meta</code>
          ), et les liens vers les pages voisines (<code>links.next</code>, <code>links.prev</code>, aussi
          dans l’en-tête <code>Link</code>). Chaque opportunité a les mêmes champs communs ; ceux propres à
          son type sont dans <code>details</code>. Les codes (types, contrats, secteurs…) sont ceux du tableau
          ci-dessus.
        </p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
        <div class="table-wrap" role="region" aria-label="Exemple de réponse de l’API" tabIndex={0}>
          <pre>
            <code>{exampleItem}</code>
          </pre>
        </div>
        <h3>Erreurs</h3>
        <p>
          Un paramètre inconnu ou invalide renvoie une erreur 400 avec un message en français pour chaque
          paramètre en cause (<code>error.fields</code>) ; une opportunité inconnue, expirée ou retirée
          renvoie une erreur 404.
        </p>

        <h2>Export CSV</h2>
        <p>
          Ajoutez les paramètres d’une recherche à <code>/opportunites/export.csv</code>, par exemple{' '}
          <Address href={`${publicUrl}/opportunites/export.csv?type=housing`} />. Le fichier, encodé en UTF-8
          et séparé par des points-virgules, s’ouvre directement dans un tableur ; les nombres ont une virgule
          décimale et les dates sont à l’heure de Paris. Il contient toutes les opportunités de la recherche,
          dans la limite de <strong>{formatNumber(csvRowCap)} lignes</strong> : au-delà, affinez la recherche
          ou parcourez l’API page par page. Par sécurité, une cellule qui commence par =, +, - ou @ est
          précédée d’une apostrophe.
        </p>

        <h2>Flux Atom</h2>
        <p>
          Pour suivre une recherche dans un lecteur de flux, ajoutez ses paramètres à{' '}
          <code>/opportunites/flux.atom</code> : le flux contient les {feedSize} opportunités les plus
          récentes, par exemple <Address href={`${publicUrl}/opportunites/flux.atom?type=job&recherche=1`} />.
          Pour recevoir plutôt un courriel, enregistrez la recherche depuis la page de recherche.
        </p>
      </div>
    </div>
  );
}

/** `/donnees-ouvertes`: how to reuse the data. */
export function openDataPageRoutes(app: FastifyInstance, ctx: AppContext) {
  const publicUrl = baseUrl(ctx.config.PUBLIC_URL);
  app.get('/donnees-ouvertes', async (_request, reply) => {
    const [epcis, profiles] = await Promise.all([listEpcis(ctx.db), listProfiles(ctx.db)]);
    return reply.page({
      title: 'Données ouvertes : API, export CSV et flux Atom',
      description:
        'Les opportunités en données ouvertes : une API JSON documentée, un export CSV et un flux Atom pour chaque recherche, sous Licence Ouverte.',
      canonical: '/donnees-ouvertes',
      body: (
        <OpenDataPage publicUrl={publicUrl} siteName={ctx.siteName()} epcis={epcis} profiles={profiles} />
      ),
    });
  });
}
