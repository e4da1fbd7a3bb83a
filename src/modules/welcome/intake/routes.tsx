import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import { type FieldErrors, hitRateLimit, notFound } from '../../../core/http/index.js';
import type { NewcomerFile } from '../files.js';
import { householdFile, issueMagicLink, startHouseholdSession } from '../household-session.js';
import { intakeBase, spaceBase } from '../paths.js';
import { attributionQuery, readAttribution } from './attribution.js';
import { formValuesOf, type StepHandler } from './handler.js';
import { resumeLinkMessage } from './mails.js';
import type { Body, FormValues } from './parse.js';
import { loadRecap, RecapPage } from './recap.js';
import { consentStep } from './step-consent.js';
import { contactAttributionValues, contactStep } from './step-contact.js';
import { householdStep } from './step-household.js';
import { originStep, profileStep } from './step-origin.js';
import { placeStep } from './step-place.js';
import { housingStep, projectStep, timelineStep } from './step-project.js';
import {
  furthest,
  intakeSteps,
  isStep,
  reachedIndex,
  type StepSlug,
  stepIndex,
  stepPath,
  thanksPath,
} from './steps.js';
import { createIntakeFile, saveStep } from './store.js';
import { submitFile, whoContacts } from './submit.js';
import { LandingPage, ThanksPage } from './views/pages.js';

type FormStep = Exclude<StepSlug, 'recapitulatif'>;

// biome-ignore lint/suspicious/noExplicitAny: each step has its own data type, used only by that step.
const handlers: Record<FormStep, StepHandler<any>> = {
  contact: contactStep,
  foyer: householdStep,
  projet: projectStep,
  lieu: placeStep,
  logement: housingStep,
  calendrier: timelineStep,
  origine: originStep,
  profil: profileStep,
  consentement: consentStep,
};

/** Household pages depend on the household's cookie: the anonymous page cache must never keep them. */
const privatePage = { config: { publicCache: false } };

/** New files per connection and hour: enough for a family sharing a connection, not for a robot. */
const createsPerHour = 10;
const hourMs = 60 * 60 * 1000;

const reachedStep = (file: NewcomerFile) => intakeSteps[reachedIndex(file.intakeStep)].slug;
const see = (reply: FastifyReply, url: string) => reply.redirect(url, 303);

export function stepRoutes(app: FastifyInstance, ctx: AppContext): void {
  function renderStep(
    reply: FastifyReply,
    step: FormStep,
    props: { file: NewcomerFile | null; data: unknown; values: FormValues; errors: FieldErrors | null },
    status = 200,
  ) {
    const { View } = handlers[step];
    return reply.page({
      title: `${intakeSteps[stepIndex(step)].title} — Mon projet d’installation`,
      noindex: true,
      form: true,
      status,
      scripts: step === 'foyer' ? ['intake-members'] : [],
      body: <View {...props} />,
    });
  }

  app.get(intakeBase, privatePage, async (request, reply) => {
    const file = await householdFile(ctx, request);
    if (file && file.status !== 'intake') return see(reply, spaceBase);
    if (file) return see(reply, stepPath(reachedStep(file)));
    return reply.page({
      title: 'Mon projet d’installation',
      description:
        'Décrivez votre projet d’installation dans le Lot en quelques minutes : le réseau d’accueil vous accompagne gratuitement.',
      canonical: intakeBase,
      body: <LandingPage startHref={`${stepPath('contact')}${attributionQuery(readAttribution(request))}`} />,
    });
  });

  /** The file of the request when this step may be shown or saved; otherwise where to go instead. */
  async function gate(
    request: FastifyRequest,
    step: StepSlug,
  ): Promise<{ file: NewcomerFile | null } | { to: string }> {
    const file = await householdFile(ctx, request);
    if (file && file.status !== 'intake') return { to: spaceBase };
    if (!file) return step === 'contact' ? { file: null } : { to: intakeBase };
    if (stepIndex(step) > reachedIndex(file.intakeStep)) return { to: stepPath(reachedStep(file)) };
    return { file };
  }

  app.get<{ Params: { step: string } }>(`${intakeBase}/:step`, privatePage, async (request, reply) => {
    const { step } = request.params;
    if (!isStep(step)) throw notFound('Cette étape n’existe pas.');
    const gated = await gate(request, step);
    if ('to' in gated) return see(reply, gated.to);
    const { file } = gated;
    if (step === 'recapitulatif' && file)
      return reply.page({
        title: 'Vérifier et envoyer — Mon projet d’installation',
        noindex: true,
        form: true,
        body: <RecapPage recap={await loadRecap(ctx, file)} />,
      });
    if (step === 'recapitulatif') return see(reply, intakeBase);
    const handler = handlers[step];
    const data = await handler.load(ctx, file);
    const values = file ? handler.values(file, data) : contactAttributionValues(request);
    return renderStep(reply, step, { file, data, values, errors: null });
  });

  app.post<{ Params: { step: string } }>(`${intakeBase}/:step`, privatePage, async (request, reply) => {
    const { step } = request.params;
    if (!isStep(step)) throw notFound('Cette étape n’existe pas.');
    const gated = await gate(request, step);
    if ('to' in gated) return see(reply, gated.to);
    const { file } = gated;
    const body = (request.body ?? {}) as Body;
    if (step === 'recapitulatif') {
      if (!file) return see(reply, intakeBase);
      const result = await submitFile(ctx, file, request.ip);
      return see(reply, result.ok ? thanksPath : stepPath(result.step));
    }
    const handler = handlers[step];
    const data = await handler.load(ctx, file);
    const outcome = await handler.parse(ctx, body, data, file, request);
    const again = (errors: FieldErrors, status: number) =>
      renderStep(reply, step, { file, data, values: formValuesOf(body), errors }, status);
    if (!outcome.ok) return again(outcome.errors, 400);

    if (!file) {
      const limit = await hitRateLimit(ctx.db, `intake:create:${request.ip}`, createsPerHour, hourMs);
      if (!limit.allowed) {
        reply.header('retry-after', String(limit.retryAfterSeconds));
        return again(
          { _form: 'Trop de projets commencés depuis votre connexion. Réessayez dans une heure.' },
          429,
        );
      }
      const { campaign, ambassadorCode } = readAttribution(request);
      const created = await createIntakeFile(
        ctx.db,
        {
          contactName: outcome.changes.contactName ?? '',
          email: outcome.changes.email ?? '',
          phone: outcome.changes.phone ?? null,
          campaign,
          ambassadorCode,
        },
        request.ip,
      );
      await startHouseholdSession(ctx, reply, created.id);
      await ctx.mailer.send(resumeLinkMessage(ctx, created, await issueMagicLink(ctx, created.id)));
      request.log.info({ file: created.id }, 'intake started');
      return see(reply, stepPath('foyer'));
    }

    await outcome.also?.();
    let reached = furthest(file.intakeStep, step);
    // New places may name another intercommunality than the one consented to: ask for the consent again.
    if (
      step === 'lieu' &&
      reachedIndex(reached) > stepIndex('consentement') &&
      placesChanged(file, outcome.changes)
    )
      reached = 'consentement';
    await saveStep(ctx.db, file, step, outcome.changes, reached, request.ip);
    // Once every page is done, a change goes back to the summary (« check your answers »).
    const next = reached === 'recapitulatif' ? 'recapitulatif' : intakeSteps[stepIndex(step) + 1].slug;
    return see(reply, stepPath(next));
  });

  app.get(thanksPath, privatePage, async (request, reply) => {
    const file = await householdFile(ctx, request);
    if (!file) return see(reply, intakeBase);
    if (file.status === 'intake') return see(reply, stepPath(reachedStep(file)));
    return reply.page({
      title: 'Projet envoyé — Mon projet d’installation',
      noindex: true,
      body: <ThanksPage reference={file.reference} contact={await whoContacts(ctx.db, file)} />,
    });
  });
}

function placesChanged(file: NewcomerFile, changes: Partial<NewcomerFile>): boolean {
  const key = (f: Partial<NewcomerFile>) =>
    JSON.stringify([[...(f.placeEpcis ?? [])].sort(), [...(f.placeCommunes ?? [])].sort(), !!f.placeUnknown]);
  return key(file) !== key(changes);
}
