/**
 * « Signaler un contact »: an ambassador passes on a person thinking of moving to the Lot, with that person's
 * agreement. The file is created by the welcome journey (createReferredFile); the ambassador's own journal
 * holds only the file's reference, never the person's details.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context.js';
import { type FieldErrors, hitRateLimit, parseForm } from '../../../core/http/index.js';
import { CsrfField, ErrorSummary, Field, Notice, TextInput } from '../../../core/views/index.js';
import { type CommuneSummary, listCommunes } from '../../territory/index.js';
import { createReferredFile } from '../../welcome/index.js';
import { ambassadorActor, recordAmbassador } from '../journal.js';
import { spacePaths } from '../paths.js';
import { type Ambassador, ambassadorRoute, currentAmbassador, markActive } from '../session.js';
import { matchCommune } from '../signup/store.js';
import { AmbassadorFrame } from '../space/frame.js';

/** Leads per ambassador and day: plenty for a fair, not for a list pasted from elsewhere. */
export const leadsPerDay = 20;

const LeadForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.String({ minLength: 3, maxLength: 200, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' }),
  phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9 +().-]{6,40}$' })),
  commune: Type.Optional(Type.String({ maxLength: 200 })),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
  consent: Type.Literal('oui'),
});

const messages = {
  name: 'Indiquez le nom de la personne.',
  email: 'Indiquez l’adresse e-mail de la personne, par exemple nom@exemple.fr.',
  phone: 'Indiquez un numéro de téléphone valide, par exemple 06 12 34 56 78.',
  note: 'Décrivez le projet en 1 000 caractères au plus.',
  consent: 'Cochez cette case : l’équipe ne contacte que les personnes qui l’ont accepté.',
};

const fieldOrder = ['name', 'email', 'phone', 'commune', 'note', 'consent'];
const ordered = (errors: FieldErrors) =>
  Object.fromEntries(
    [...fieldOrder, '_form'].filter((f) => errors[f]).map((f) => [f, errors[f]] as [string, string]),
  );

function LeadPage({
  communes,
  values = {},
  errors,
}: {
  communes: CommuneSummary[];
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  return (
    <AmbassadorFrame title="Signaler un contact" current={spacePaths.lead}>
      <p>
        Une personne de votre entourage pense s’installer dans le Lot ? Avec son accord, transmettez ses
        coordonnées : l’équipe d’accueil la contactera, et elle recevra un e-mail lui disant que vous l’avez
        signalée, avec un lien pour compléter ou supprimer son dossier.
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action={spacePaths.lead} class="amb-form" novalidate>
        <CsrfField />
        <TextInput name="name" label="Nom de la personne" value={values.name} errors={errors} required />
        <TextInput
          name="email"
          label="Son adresse e-mail"
          type="email"
          value={values.email}
          errors={errors}
          required
        />
        <TextInput
          name="phone"
          label="Son téléphone (facultatif)"
          type="tel"
          value={values.phone}
          errors={errors}
        />
        <Field
          name="commune"
          label="Commune du Lot qui l’intéresse (facultatif)"
          hint="Le nom de la commune, par exemple Figeac."
          errors={errors}
        >
          {(describedBy, invalid) => (
            <>
              <input
                id="commune"
                name="commune"
                type="text"
                list="communes-lot"
                value={values.commune ?? ''}
                aria-describedby={describedBy}
                aria-invalid={invalid ? 'true' : undefined}
              />
              <datalist id="communes-lot">
                {communes.map((c) => (
                  <option key={c.code} value={`${c.name} (${c.code})`} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field
          name="note"
          label="Ce que vous savez de son projet (facultatif)"
          hint="Métier, famille, calendrier… 1 000 caractères au plus. L’équipe d’accueil le lira."
          errors={errors}
        >
          {(describedBy, invalid) => (
            <textarea
              id="note"
              name="note"
              rows={5}
              maxLength={1000}
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            >
              {values.note ?? ''}
            </textarea>
          )}
        </Field>
        <div class={errors?.consent ? 'field field--error amb-check' : 'field amb-check'}>
          {errors?.consent && (
            <p class="field__error" id="consent-error">
              <span class="visually-hidden">Erreur : </span>
              {errors.consent}
            </p>
          )}
          <input
            type="checkbox"
            id="consent"
            name="consent"
            value="oui"
            checked={values.consent === 'oui'}
            required
            aria-describedby={errors?.consent ? 'consent-error' : undefined}
            aria-invalid={errors?.consent ? 'true' : undefined}
          />
          <label for="consent">
            Cette personne m’a donné son accord pour être contactée par l’équipe d’accueil du Lot
          </label>
        </div>
        <button type="submit" class="button">
          Transmettre à l’équipe d’accueil
        </button>
      </form>
    </AmbassadorFrame>
  );
}

function DonePage({ reference }: { reference: string }) {
  return (
    <AmbassadorFrame title="Contact transmis" current={spacePaths.lead}>
      <Notice kind="success">
        <p>
          Merci ! L’équipe d’accueil a reçu le contact (dossier {reference}) et prendra contact avec la
          personne. Elle a reçu un e-mail qui vous nomme, avec un lien vers son espace.
        </p>
      </Notice>
      <p>
        <a href={spacePaths.lead}>Signaler un autre contact</a> ·{' '}
        <a href={spacePaths.impact}>Voir mon impact</a>
      </p>
    </AmbassadorFrame>
  );
}

async function render(
  ctx: AppContext,
  reply: FastifyReply,
  status: number,
  values?: Record<string, string>,
  errors?: FieldErrors,
) {
  const communes = await listCommunes(ctx.db);
  return reply.page({
    title: errors ? 'Erreur — Signaler un contact' : 'Signaler un contact',
    form: true,
    status,
    body: <LeadPage communes={communes} values={values} errors={errors} />,
  });
}

async function report(ctx: AppContext, a: Ambassador, body: unknown, reply: FastifyReply) {
  const parsed = parseForm(LeadForm, body, messages);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const raw = (body ?? {}) as Record<string, unknown>;
  // The form as typed, to show it again.
  const shown: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw))
    if (key !== '_csrf' && typeof value === 'string') shown[key] = value.trim();
  const typed = typeof raw.commune === 'string' ? raw.commune.trim() : '';
  let communeCode: string | null = null;
  if (typed) {
    const commune = matchCommune(await listCommunes(ctx.db), typed);
    if (commune) communeCode = commune.code;
    else errors.commune = 'Choisissez une commune du Lot dans la liste, par exemple Figeac.';
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return render(ctx, reply, 400, shown, ordered(errors));
  const limit = await hitRateLimit(ctx.db, `ambassador-lead:${a.id}`, leadsPerDay, 24 * 3600_000);
  if (!limit.allowed) {
    reply.header('retry-after', String(limit.retryAfterSeconds));
    return render(ctx, reply, 429, shown, {
      _form: `Vous avez signalé ${leadsPerDay} contacts aujourd’hui : c’est le maximum. Réessayez demain ou écrivez à l’équipe du réseau.`,
    });
  }
  const v = parsed.value;
  const actor = ambassadorActor(a.code);
  const file = await createReferredFile(
    ctx,
    {
      contactName: v.name,
      email: v.email,
      phone: v.phone ?? null,
      projectNote: v.note ?? null,
      communeCode,
    },
    { code: a.code, name: a.organisationName ?? a.name },
    actor,
  );
  // Only the file's reference: the person's details stay in the file, where erasure can reach them.
  await recordAmbassador(ctx.db, actor, a.id, 'lead.report', null, { file: file.reference });
  await markActive(ctx.db, a.id);
  return reply.page({ title: 'Contact transmis', form: true, body: <DonePage reference={file.reference} /> });
}

export function leadRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(spacePaths.lead, ambassadorRoute, async (request, reply) => {
    const a = await currentAmbassador(ctx, request);
    if (!a) return reply.redirect(spacePaths.login, 303);
    return render(ctx, reply, 200);
  });

  app.post(spacePaths.lead, ambassadorRoute, async (request, reply) => {
    const a = await currentAmbassador(ctx, request);
    if (!a) return reply.redirect(spacePaths.login, 303);
    return report(ctx, a, request.body, reply);
  });
}
