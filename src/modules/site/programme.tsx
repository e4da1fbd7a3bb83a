import { Breadcrumbs } from '../../core/views/index.js';
import { actionStatusLabels, type listProgramme } from '../steering/index.js';

type Programme = Awaited<ReturnType<typeof listProgramme>>;

export function ProgrammePage({ programme }: { programme: Programme }) {
  const count = programme.reduce((n, s) => n + s.actions.length, 0);
  return (
    <div class="container">
      <Breadcrumbs items={[{ href: '/', label: 'Accueil' }, { label: 'Le programme' }]} />
      <h1>Le programme d’attractivité</h1>
      <p class="lead">
        Quatre chantiers et {count} actions prioritaires, portés par le Département, l’État, les
        intercommunalités, les chambres consulaires et Lot Tourisme, pour attirer et accueillir de nouveaux
        habitants.
      </p>
      {programme.map((stream) => (
        <section class="programme-stream" key={stream.slug} aria-labelledby={`chantier-${stream.slug}`}>
          <h2 id={`chantier-${stream.slug}`}>{stream.name}</h2>
          <p>{stream.ambition}</p>
          <ol>
            {stream.actions.map((a) => (
              <li key={a.id}>
                <span class="action-number" aria-hidden="true">
                  {a.number}
                </span>
                <span>
                  <span class="visually-hidden">Action {a.number} : </span>
                  {a.title}
                </span>
                <span class={`status status--${a.status}`}>{actionStatusLabels[a.status]}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <p>
        Un comité de pilotage valide les priorités et évalue les résultats ; quatre commissions thématiques
        (recherche de nouveaux arrivants, installation des nouveaux arrivants, outils de communication,
        jeunesse) suivent le programme.
      </p>
    </div>
  );
}
