/** /admin/accueil: the index of the journey's settings (stages and kit pages belong to other parts). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../core/context.js';
import { welcomePolicy } from '../../access.js';
import { settingsBase } from '../../paths.js';
import { assertConfigure, partnersPath, rulesPath, SettingsFrame, teamPath } from './frame.js';

const sections = [
  {
    href: `${settingsBase}/etapes`,
    title: 'Étapes',
    text: 'Les étapes d’un dossier, de premier contact à clos, dans l’ordre du tableau.',
  },
  {
    href: rulesPath,
    title: 'Règles d’affectation',
    text: 'Qui reçoit un nouveau dossier : intercommunalité du lieu choisi, chambres, référent santé, file du Département.',
  },
  {
    href: teamPath,
    title: 'Équipes',
    text: 'Les référents de chaque organisation, leurs responsables d’équipe et les absences (hors tour de rôle).',
  },
  {
    href: partnersPath,
    title: 'Partenaires et finalités',
    text: 'Les partenaires proposés au foyer dans l’étape de consentement, avec la finalité de chacun.',
  },
  {
    href: `${settingsBase}/kit`,
    title: 'Kit d’accueil',
    text: 'Le contenu du kit remis à chaque foyer : étapes, liens utiles, par profil.',
  },
];

export function settingsIndexRoutes(app: FastifyInstance, ctx: AppContext): void {
  ctx.staffNavigation.add({
    href: settingsBase,
    label: 'Accueil : réglages',
    order: 215,
    visible: (actor) => welcomePolicy(actor, 'configure'),
  });

  app.get(settingsBase, async (request, reply) => {
    assertConfigure(request);
    return reply.page({
      title: 'Accueil : réglages',
      staff: true,
      body: (
        <SettingsFrame title="Accueil : réglages" home>
          <p class="lead">
            Le parcours d’accueil se règle ici ; chaque modification est inscrite au journal.
          </p>
          <ul class="welcome-settings__index">
            {sections.map((s) => (
              <li key={s.href}>
                <a href={s.href}>{s.title}</a>
                <p>{s.text}</p>
              </li>
            ))}
          </ul>
        </SettingsFrame>
      ),
    });
  });
}
