import { ResponsiveImage } from '../../core/files/index.js';
import { type BrandPlatform, contentPath, type PublicContent, type TargetProfile } from '../content/index.js';
import { CommuneSearchForm } from '../territory/index.js';
import { intakeBase } from '../welcome/index.js';
import { Landscape } from './landscape.js';

/** A story chosen for a target profile (the home page shows one per profile). */
export interface FeaturedStory {
  story: PublicContent;
  profile: TargetProfile | null;
}

/** Story teasers (home and profile pages): lead image, title linking to the story, summary. */
export function StoryTeasers({ stories }: { stories: FeaturedStory[] }) {
  return (
    <ul class="story-teasers">
      {stories.map(({ story: s, profile }) => (
        <li key={s.id}>
          <article class="story-teaser">
            {s.imageFileId && (
              <ResponsiveImage
                file={{ id: s.imageFileId, width: s.imageWidth, height: s.imageHeight }}
                alt={s.imageAlt ?? ''}
                class="story-teaser__image"
              />
            )}
            {profile && <p class="story-teaser__profile">{profile.name}</p>}
            <h3 class="story-teaser__title">
              <a href={contentPath(s.kind, s.slug)}>{s.title}</a>
            </h3>
            {s.demo && <span class="demo-badge">Exemple fictif</span>}
            {s.summary && <p>{s.summary}</p>}
          </article>
        </li>
      ))}
    </ul>
  );
}

export function HomePage({
  brand,
  profiles,
  stories,
}: {
  brand: BrandPlatform;
  profiles: TargetProfile[];
  stories: FeaturedStory[];
}) {
  return (
    <>
      <section class="hero" aria-labelledby="hero-title">
        <Landscape />
        <div class="container hero__content">
          <p class="hero__eyebrow">Choisir le Lot</p>
          <h1 id="hero-title">{brand.positioning}</h1>
          <p class="lead">{brand.ambition}</p>
          <div class="hero__actions">
            <a class="button" href="#profils">
              Trouver mon chemin
            </a>
            <a class="button button--secondary" href="/territoire">
              Découvrir les 312 communes
            </a>
          </div>
        </div>
      </section>

      <section class="container section" id="profils" aria-labelledby="profils-title">
        <h2 id="profils-title">Vous êtes…</h2>
        <p class="lead">
          Chaque projet d’installation est différent. Choisissez ce qui vous ressemble le plus.
        </p>
        <ul class="profiles">
          {profiles.map((p) => (
            <li key={p.slug}>
              <article class={`profile-card profile-card--${p.position}`}>
                <div class="profile-card__body">
                  <h3>
                    <a href={`/profils/${p.slug}`}>{p.name}</a>
                  </h3>
                  <p>{p.tagline}</p>
                  <p class="profile-card__more" aria-hidden="true">
                    Voir ce que le Lot vous propose →
                  </p>
                </div>
              </article>
            </li>
          ))}
        </ul>
      </section>

      {stories.length > 0 && (
        <section class="container section" aria-labelledby="recits-title">
          <h2 id="recits-title">Ils ont choisi le Lot</h2>
          <p class="lead">Celles et ceux qui se sont installés ici racontent leur parcours.</p>
          <StoryTeasers stories={stories} />
          <ul class="story-links">
            <li>
              <a href="/recits">Lire tous les récits</a>
            </li>
            <li>
              <a href="/reussites">Les réussites</a>
            </li>
            <li>
              <a href="/actualites">Les actualités</a>
            </li>
          </ul>
        </section>
      )}

      <section class="container section intake-call" aria-labelledby="projet-title">
        <h2 id="projet-title">Vous avez un projet d’installation ?</h2>
        <p class="lead">
          Décrivez-le en quelques minutes : un référent accueil du territoire de votre choix vous contacte,
          vous aide à trouver un emploi pour chaque adulte du foyer, un logement, une école, et vous
          accompagne jusqu’à votre installation.
        </p>
        <p>
          <a class="button" href={intakeBase}>
            Décrire mon projet d’installation
          </a>
        </p>
      </section>

      <section class="container section" aria-labelledby="commune-title">
        <h2 id="commune-title">Où vivre dans le Lot ?</h2>
        <p>
          Population, codes postaux, communes voisines, distances à Cahors et Figeac : chaque commune a sa
          fiche.
        </p>
        <CommuneSearchForm />
        <p>
          <a href="/territoire">Voir la carte des communes et des intercommunalités</a>
        </p>
      </section>

      <section class="container section" aria-labelledby="valeurs-title">
        <h2 id="valeurs-title">Ce qui nous ressemble</h2>
        <ul class="values">
          {brand.values.map((v) => (
            <li key={v.name}>
              <h3>{v.name}</h3>
              <p>{v.description}</p>
            </li>
          ))}
        </ul>
        <h3>Notre ADN</h3>
        <ul class="tags">
          {brand.dna.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
        <p>
          Le Département, l’État, les intercommunalités et les chambres consulaires portent ensemble{' '}
          <a href="/programme">un programme de quatorze actions prioritaires</a> pour accueillir de nouveaux
          habitants.
        </p>
      </section>
    </>
  );
}
