import { Breadcrumbs } from '../../core/views/index.js';
import type { TargetProfile } from '../content/index.js';
import { intakeBase } from '../welcome/index.js';
import { type FeaturedStory, StoryTeasers } from './home.js';

export function ProfilePage({
  profile,
  others,
  stories,
}: {
  profile: TargetProfile;
  others: TargetProfile[];
  stories: FeaturedStory[];
}) {
  return (
    <div class="container">
      <Breadcrumbs items={[{ href: '/', label: 'Accueil' }, { label: profile.name }]} />
      <h1>{profile.name}</h1>
      <p class="lead">{profile.tagline}</p>
      <div class="prose">
        <p>{profile.description}</p>
        <h2>Ce que le Lot vous propose</h2>
        <ul>
          {profile.promises.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        <h2>Pour commencer</h2>
        <ul>
          <li>
            <a href={intakeBase}>Décrire mon projet d’installation et être accompagné par un référent</a>
          </li>
          <li>
            <a href="/territoire">Découvrir les communes et les intercommunalités du Lot</a>
          </li>
          <li>
            <a href="/territoire/communes">Chercher une commune et consulter sa fiche</a>
          </li>
          <li>
            <a href="/programme">Connaître le programme d’accueil des nouveaux habitants</a>
          </li>
        </ul>
      </div>
      {stories.length > 0 && (
        <section aria-labelledby="recits-title">
          <h2 id="recits-title">Ils ont choisi le Lot</h2>
          <StoryTeasers stories={stories} />
          <p>
            <a href={`/recits?profil=${profile.slug}`}>Lire tous les récits « {profile.name} »</a>
          </p>
        </section>
      )}
      <h2>Les autres profils</h2>
      <ul class="tags">
        {others.map((o) => (
          <li key={o.slug}>
            <a href={`/profils/${o.slug}`}>{o.name}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
