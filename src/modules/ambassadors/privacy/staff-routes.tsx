/** Staff: export an ambassador's data (journaled) and erase it, after a confirmation page. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { journalActor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import { notFound } from '../../../core/http/index.js';
import { Notice } from '../../../core/views/index.js';
import { recordAmbassador } from '../journal.js';
import { adminAmbassadorPath, adminPaths } from '../paths.js';
import { assertCan } from '../policy.js';
import { Frame } from '../staff/layout.js';
import { type Ambassador, findAmbassador } from '../staff/service.js';
import { ConfirmEraseForm } from './confirm-form.js';
import { eraseAmbassadorData } from './erase.js';
import { exportAmbassadorData } from './export.js';

export const staffExportPath = (id: string) => `${adminAmbassadorPath(id)}/donnees.json`;
export const staffErasePath = (id: string) => `${adminAmbassadorPath(id)}/effacer`;

async function load(ctx: AppContext, request: FastifyRequest): Promise<Ambassador> {
  const a = await findAmbassador(ctx, (request.params as { id: string }).id);
  if (!a) throw notFound('Cet ambassadeur n’existe pas ou n’est plus dans le réseau.');
  return a;
}

function ErasePage(props: { a: Ambassador; errors?: Record<string, string> }) {
  const { a, errors } = props;
  return (
    <Frame title={`Effacer les données de ${a.name}`}>
      <Notice kind="warning">
        <p>
          L’effacement est définitif : nom, coordonnées, profil, portrait, photo et comptes rendus de mission
          sont supprimés, les parrainages en cours prennent fin et la personne quitte le réseau. Restent le
          code, le groupe, la commune, les dates et les visites par son lien (chiffres anonymes).
        </p>
      </Notice>
      <p>
        <a href={staffExportPath(a.id)}>Exporter d’abord les données (JSON)</a>
      </p>
      <ConfirmEraseForm
        action={staffErasePath(a.id)}
        label="Je confirme l’effacement définitif des données de cet ambassadeur."
        button="Effacer les données"
        errors={errors}
      />
      <p>
        <a href={adminAmbassadorPath(a.id)}>Annuler et revenir à la fiche</a>
      </p>
    </Frame>
  );
}

export function staffPrivacyRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(staffExportPath(':id'), async (request, reply) => {
    assertCan(request.actor, 'manage');
    const a = await load(ctx, request);
    const data = await exportAmbassadorData(ctx, a.id);
    await recordAmbassador(ctx.db, request.actor, a.id, 'ambassador.export');
    return reply
      .header('content-disposition', `attachment; filename="ambassadeur-${a.code}.json"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  app.get(staffErasePath(':id'), async (request, reply) => {
    assertCan(request.actor, 'manage');
    const a = await load(ctx, request);
    return reply.page({ title: 'Effacer les données', staff: true, body: <ErasePage a={a} /> });
  });

  app.post(staffErasePath(':id'), async (request, reply) => {
    const actor = request.actor;
    assertCan(actor, 'manage');
    const a = await load(ctx, request);
    if ((request.body as Record<string, unknown> | undefined)?.confirm !== 'oui')
      return reply.page({
        title: 'Effacer les données',
        staff: true,
        status: 400,
        body: (
          <ErasePage a={a} errors={{ confirm: 'Cochez la case pour confirmer l’effacement définitif.' }} />
        ),
      });
    await eraseAmbassadorData(ctx, a.id, journalActor(actor));
    return reply.redirect(`${adminPaths.directory}?ok=erased`, 303);
  });
}
