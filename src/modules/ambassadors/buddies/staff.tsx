/** The « Parrainage » tab of a newcomer file: its ambassador, its buddy pairings and the suggestions. */

import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../core/auth/index.js';
import type { AppContext } from '../../../core/context.js';
import type { FieldErrors } from '../../../core/http/index.js';
import { CsrfField, ErrorSummary, formatDateTime, Notice, TextInput } from '../../../core/views/index.js';
import { buddyContact, buddyProfile, FileFrame, loadFileHeader, openFile } from '../../welcome/index.js';
import { adminAmbassadorPath, fileBuddyPath } from '../paths.js';
import { ambassadors } from '../schema.js';
import {
  activeAmbassadorByCode,
  changeAttribution,
  type FileAmbassador,
  fileAmbassador,
} from './attribution.js';
import { answerLabel } from './labels.js';
import type { Suggestion } from './match.js';
import {
  endPairing,
  filePairings,
  findPairing,
  isUuid,
  loadPlaces,
  type PairingRow,
  proposeBuddy,
  suggestionsFor,
} from './store.js';

type IdParams = { Params: { id: string } };

const notices: Record<string, string> = {
  propose:
    'La proposition est envoyée : l’ambassadeur et le foyer sont prévenus par e-mail et répondent chacun de leur côté.',
  fin: 'Le parrainage est terminé.',
  ambassadeur: 'L’ambassadeur du dossier est enregistré.',
  retire: 'Le dossier n’a plus d’ambassadeur.',
};

const field = (body: unknown, key: string) => {
  const v = (body as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v.trim() : '';
};

function AmbassadorSection(props: {
  fileId: string;
  current: FileAmbassador | null;
  errors?: FieldErrors;
  value?: string;
}) {
  const { current } = props;
  return (
    <section class="buddy-section" aria-labelledby="ambassadeur-titre">
      <h2 id="ambassadeur-titre">Ambassadeur du dossier</h2>
      {!current && <p>Aucun ambassadeur n’a amené ce foyer.</p>}
      {current?.id && (
        <p>
          <a href={adminAmbassadorPath(current.id)}>{current.name}</a> (code {current.code})
        </p>
      )}
      {current && !current.id && <p>Code {current.code} : il ne correspond à aucun ambassadeur du réseau.</p>}
      <form method="post" action={`${fileBuddyPath(props.fileId)}/ambassadeur`} novalidate class="stack-form">
        <CsrfField />
        <TextInput
          name="code"
          label="Code de l’ambassadeur"
          hint="Par exemple LOT-ABCDE. Laissez vide pour retirer l’ambassadeur du dossier."
          value={props.value ?? current?.code ?? ''}
          errors={props.errors}
        />
        <button class="button button--secondary" type="submit">
          Enregistrer l’ambassadeur
        </button>
      </form>
    </section>
  );
}

function Pairings({ fileId, pairings }: { fileId: string; pairings: PairingRow[] }) {
  return (
    <section class="buddy-section" aria-labelledby="parrainages-titre">
      <h2 id="parrainages-titre">Parrainages proposés</h2>
      {pairings.length === 0 ? (
        <p>Aucun parrainage n’a encore été proposé à ce foyer.</p>
      ) : (
        <table class="table buddy-table">
          <caption class="visually-hidden">Parrainages proposés au foyer</caption>
          <thead>
            <tr>
              <th scope="col">Parrain ou marraine</th>
              <th scope="col">Pourquoi</th>
              <th scope="col">Réponse de l’ambassadeur</th>
              <th scope="col">Réponse du foyer</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {pairings.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <a href={adminAmbassadorPath(p.ambassadorId)}>{p.ambassadorName}</a>
                  <span class="buddy-table__date">proposé le {formatDateTime(p.createdAt)}</span>
                </th>
                <td>{p.reasons.length ? p.reasons.join(' ; ') : '—'}</td>
                <td>{answerLabel(p.ambassadorAnswer)}</td>
                <td>{answerLabel(p.householdAnswer)}</td>
                <td>
                  {p.endedAt ? (
                    `Terminé le ${formatDateTime(p.endedAt)}`
                  ) : (
                    <form method="post" action={`${fileBuddyPath(fileId)}/fin`} class="inline-form">
                      <CsrfField />
                      <input type="hidden" name="pairingId" value={p.id} />
                      <button class="button button--secondary" type="submit">
                        Mettre fin au parrainage
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Suggestions({ fileId, suggestions }: { fileId: string; suggestions: Suggestion[] }) {
  return (
    <section class="buddy-section" aria-labelledby="suggestions-titre">
      <h2 id="suggestions-titre">Ambassadeurs prêts à accueillir</h2>
      <p>
        Les ambassadeurs qui se sont dits prêts à accueillir un foyer, classés par proximité, métier, âge des
        enfants et centres d’intérêt. Proposer un parrainage demande leur accord aux deux : aucune coordonnée
        n’est échangée avant.
      </p>
      {suggestions.length === 0 ? (
        <p>Aucun autre ambassadeur prêt à accueillir pour l’instant.</p>
      ) : (
        <ol class="buddy-suggestions">
          {suggestions.map((s) => (
            <li key={s.candidate.id} class="buddy-suggestion">
              <h3>
                <a href={adminAmbassadorPath(s.candidate.id)}>{s.candidate.name}</a>
              </h3>
              {s.reasons.length ? (
                <ul class="buddy-suggestion__reasons">
                  {s.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ) : (
                <p>Pas de point commun relevé.</p>
              )}
              <form method="post" action={`${fileBuddyPath(fileId)}/proposer`} class="inline-form">
                <CsrfField />
                <input type="hidden" name="ambassadorId" value={s.candidate.id} />
                <button class="button" type="submit">
                  Proposer comme parrain/marraine
                  <span class="visually-hidden"> : {s.candidate.name}</span>
                </button>
              </form>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

async function render(
  ctx: AppContext,
  reply: FastifyReply,
  fileId: string,
  options: { status?: number; notice?: string; errors?: FieldErrors; code?: string } = {},
) {
  const profile = await buddyProfile(ctx.db, fileId);
  const [header, current, pairings, places] = await Promise.all([
    loadFileHeader(ctx.db, fileId),
    fileAmbassador(ctx.db, fileId),
    filePairings(ctx.db, fileId),
    loadPlaces(ctx.db),
  ]);
  const suggestions = profile ? await suggestionsFor(ctx.db, profile, places) : [];
  return reply.page({
    title: `Parrainage — dossier ${header.reference}`,
    staff: true,
    status: options.status ?? 200,
    body: (
      <div class="container admin">
        <FileFrame header={header} current="parrainage">
          {options.notice && <Notice kind="success">{options.notice}</Notice>}
          <ErrorSummary errors={options.errors} />
          <AmbassadorSection fileId={fileId} current={current} errors={options.errors} value={options.code} />
          <Pairings fileId={fileId} pairings={pairings} />
          <Suggestions fileId={fileId} suggestions={suggestions} />
        </FileFrame>
      </div>
    ),
  });
}

export function buddyStaffRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const back = (reply: FastifyReply, id: string, ok: string) =>
    reply.redirect(`${fileBuddyPath(id)}?ok=${ok}`, 303);
  /** Every route starts with the scope check; past it, the actor is known (openFile refuses anonymous ones). */
  const open = async (request: FastifyRequest<IdParams>, journal = false) => {
    const id = await openFile(db, request.actor, request.params.id, { journal, ip: request.ip });
    return { id, actor: request.actor as Actor };
  };

  app.get<IdParams>(fileBuddyPath(':id'), async (request, reply) => {
    const { id } = await open(request, true);
    const ok = (request.query as Record<string, unknown>).ok;
    return render(ctx, reply, id, { notice: typeof ok === 'string' ? notices[ok] : undefined });
  });

  app.post<IdParams>(`${fileBuddyPath(':id')}/ambassadeur`, async (request, reply) => {
    const { id, actor } = await open(request);
    const code = field(request.body, 'code');
    if (!code) {
      await changeAttribution(db, actor, id, null);
      return back(reply, id, 'retire');
    }
    const next = await activeAmbassadorByCode(db, code);
    if (!next)
      return render(ctx, reply, id, {
        status: 400,
        code,
        errors: {
          code: 'Ce code ne correspond à aucun ambassadeur actif du réseau. Vérifiez-le, par exemple LOT-ABCDE.',
        },
      });
    await changeAttribution(db, actor, id, next);
    return back(reply, id, 'ambassadeur');
  });

  app.post<IdParams>(`${fileBuddyPath(':id')}/proposer`, async (request, reply) => {
    const { id, actor } = await open(request);
    const ambassadorId = field(request.body, 'ambassadorId');
    const profile = await buddyProfile(db, id);
    const places = await loadPlaces(db);
    const suggestion = profile
      ? (await suggestionsFor(db, profile, places, Number.POSITIVE_INFINITY)).find(
          (s) => s.candidate.id === ambassadorId,
        )
      : undefined;
    const [ambassador] = isUuid(ambassadorId)
      ? await db.select().from(ambassadors).where(eq(ambassadors.id, ambassadorId))
      : [];
    if (!suggestion || !ambassador)
      return render(ctx, reply, id, {
        status: 409,
        errors: {
          _form:
            'Cet ambassadeur ne peut plus être proposé : il a déjà été proposé à ce foyer, ou il n’est plus disponible.',
        },
      });
    await proposeBuddy(ctx, actor, id, suggestion, ambassador, await buddyContact(db, id));
    return back(reply, id, 'propose');
  });

  app.post<IdParams>(`${fileBuddyPath(':id')}/fin`, async (request, reply) => {
    const { id, actor } = await open(request);
    const pairing = await findPairing(db, field(request.body, 'pairingId'));
    if (!pairing || pairing.fileId !== id || !(await endPairing(ctx, actor, pairing)))
      return render(ctx, reply, id, {
        status: 409,
        errors: { _form: 'Ce parrainage n’existe pas ou est déjà terminé.' },
      });
    return back(reply, id, 'fin');
  });
}
