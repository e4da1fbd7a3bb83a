/** « Mes données »: download everything held, or leave the network and erase it (with a confirmation). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { Notice } from '../../../core/views/index.js';
import { ambassadorActor, recordAmbassador } from '../journal.js';
import { publicBase, spacePaths } from '../paths.js';
import { ambassadorRoute, endAmbassadorSession, markActive } from '../session.js';
import { AmbassadorFrame } from '../space/frame.js';
import { ambassadorOrLogin } from '../space/guard.js';
import { ConfirmEraseForm } from './confirm-form.js';
import { eraseAmbassadorData } from './erase.js';
import { exportAmbassadorData } from './export.js';

export const dataExportPath = `${spacePaths.data}/mes-donnees.json`;
export const leavePath = `${spacePaths.data}/quitter`;

const confirmError = {
  confirm: 'Cochez la case pour confirmer que vous quittez le réseau et que vos données seront effacées.',
};

function LeaveForm(props: { errors?: Record<string, string> }) {
  return (
    <ConfirmEraseForm
      action={leavePath}
      label="Je quitte le réseau des ambassadeurs et je demande l’effacement de mes données."
      button="Quitter le réseau et effacer mes données"
      errors={props.errors}
    />
  );
}

export function spacePrivacyRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(spacePaths.data, ambassadorRoute, async (request, reply) => {
    const a = await ambassadorOrLogin(ctx, request, reply);
    if (!a) return reply;
    return reply.page({
      title: 'Mes données',
      noindex: true,
      form: true,
      body: (
        <AmbassadorFrame title="Mes données" current={spacePaths.data}>
          <h2>Télécharger mes données</h2>
          <p>
            Un fichier JSON avec tout ce que la plateforme conserve sur vous : profil, charte acceptée,
            missions, parrainages (sans les données des foyers), visites par votre lien et historique de votre
            fiche.
          </p>
          <p>
            <a class="button button--secondary" href={dataExportPath} download>
              Télécharger mes données (JSON)
            </a>
          </p>
          <h2>Quitter le réseau</h2>
          <p>
            Vous pouvez quitter le réseau à tout moment. Vos coordonnées, votre profil, votre portrait et vos
            comptes rendus de mission sont alors effacés ; seuls restent des chiffres anonymes (le nombre de
            visites par votre lien, par exemple).
          </p>
          <p>
            <a href={leavePath}>Quitter le réseau et effacer mes données</a>
          </p>
        </AmbassadorFrame>
      ),
    });
  });

  app.get(dataExportPath, ambassadorRoute, async (request, reply) => {
    const a = await ambassadorOrLogin(ctx, request, reply);
    if (!a) return reply;
    const data = await exportAmbassadorData(ctx, a.id);
    await recordAmbassador(ctx.db, ambassadorActor(a.code), a.id, 'ambassador.export');
    await markActive(ctx.db, a.id);
    return reply
      .header('content-disposition', `attachment; filename="ambassadeur-${a.code}.json"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  const leavePage = (errors?: Record<string, string>) => (
    <AmbassadorFrame
      title="Quitter le réseau"
      current={spacePaths.data}
      trail={[{ href: spacePaths.data, label: 'Mes données' }]}
    >
      <Notice kind="warning">
        <p>
          Cette action est définitive : votre espace ferme, votre lien personnel ne vous sera plus attribué et
          vos données personnelles sont effacées. Pensez à{' '}
          <a href={dataExportPath}>télécharger vos données</a> avant.
        </p>
      </Notice>
      <LeaveForm errors={errors} />
    </AmbassadorFrame>
  );

  app.get(leavePath, ambassadorRoute, async (request, reply) => {
    const a = await ambassadorOrLogin(ctx, request, reply);
    if (!a) return reply;
    return reply.page({ title: 'Quitter le réseau', noindex: true, form: true, body: leavePage() });
  });

  app.post(leavePath, ambassadorRoute, async (request, reply) => {
    const a = await ambassadorOrLogin(ctx, request, reply);
    if (!a) return reply;
    if ((request.body as Record<string, unknown> | undefined)?.confirm !== 'oui')
      return reply.page({
        title: 'Quitter le réseau',
        status: 400,
        noindex: true,
        form: true,
        body: leavePage(confirmError),
      });
    await eraseAmbassadorData(ctx, a.id, ambassadorActor(a.code));
    await endAmbassadorSession(ctx, request, reply);
    return reply.page({
      title: 'Au revoir',
      noindex: true,
      body: (
        <AmbassadorFrame title="Au revoir">
          <Notice kind="success">
            <p>
              Vous avez quitté le réseau des ambassadeurs du Lot et vos données personnelles sont effacées.
            </p>
          </Notice>
          <p>
            Merci pour ce que vous avez fait pour le Lot. Vous pourrez toujours{' '}
            <a href={publicBase}>rejoindre le réseau</a> à nouveau.
          </p>
        </AmbassadorFrame>
      ),
    });
  });
}
