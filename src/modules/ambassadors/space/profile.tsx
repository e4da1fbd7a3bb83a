/** « Mon profil »: what the ambassador may change themselves; name and email go through the team. */
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../core/context.js';
import type { FieldErrors } from '../../../core/http/index.js';
import { CsrfField, ErrorSummary, Notice } from '../../../core/views/index.js';
import type { CommuneSummary } from '../../territory/index.js';
import { ambassadorActor, recordAmbassador } from '../journal.js';
import { spacePaths } from '../paths.js';
import { ambassadors } from '../schema.js';
import { type Ambassador, ambassadorRoute, markActive } from '../session.js';
import { ChoiceGroup, Input, SkillFields, WillingField } from '../signup/fields.js';
import { type Chapter, listChapters, lotCommunes } from '../signup/store.js';
import { AmbassadorFrame } from './frame.js';
import { ambassadorOrLogin } from './guard.js';
import { type ProfileValue, type ProfileValues, parseProfile } from './profile-form.js';

/** The form's values from the record, as the ambassador would type them. */
function valuesOf(a: Ambassador, communes: CommuneSummary[]): ProfileValues {
  return {
    phone: a.phone ?? '',
    commune: communes.find((c) => c.code === a.communeCode)?.name ?? '',
    city: a.city ?? '',
    country: a.country ?? '',
    chapter: a.chapterSlug ?? '',
    trade: a.trade ?? '',
    skills: a.skills.join(', '),
    languages: a.languages.join(', '),
    interests: a.interests.join(', '),
    willing: a.willing,
    childrenAges: a.childrenAges.join(', '),
    newsletterOptOut: a.newsletterOptOut ? 'oui' : '',
  };
}

/** The fields that changed, before and after, for the journal. */
function changes(a: Ambassador, next: ProfileValue) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const old = a[key as keyof ProfileValue];
    if (JSON.stringify(old) !== JSON.stringify(value)) {
      before[key] = old;
      after[key] = value;
    }
  }
  return { before, after };
}

function ProfileForm(props: {
  a: Ambassador;
  communes: CommuneSummary[];
  chapters: Chapter[];
  values: ProfileValues;
  errors?: FieldErrors;
  saved: boolean;
}) {
  const { a, communes, chapters, values, errors } = props;
  const s = (f: string) => (typeof values[f] === 'string' ? (values[f] as string) : '');
  const willing = Array.isArray(values.willing) ? values.willing : [];
  const group = (kind: 'local' | 'diaspora') => chapters.filter((c) => c.kind === kind);
  return (
    <AmbassadorFrame title="Mon profil" current={spacePaths.profile}>
      {props.saved && <Notice kind="success">Votre profil est enregistré.</Notice>}
      <ErrorSummary errors={errors} />
      <dl class="facts" aria-label="Identité">
        <dt>Nom</dt>
        <dd>{a.name}</dd>
        {a.organisationName && (
          <>
            <dt>Organisation</dt>
            <dd>{a.organisationName}</dd>
          </>
        )}
        <dt>Adresse e-mail</dt>
        <dd>{a.email}</dd>
      </dl>
      <p class="field__hint">Pour changer votre nom ou votre adresse e-mail, écrivez à l’équipe du réseau.</p>
      <p>
        Votre portrait public (texte et photo) se règle sur une page à part :{' '}
        <a href={spacePaths.portrait}>mon portrait</a>.
      </p>
      <form method="post" action={spacePaths.profile} novalidate class="stack-form amb-form">
        <CsrfField />
        <Input
          name="phone"
          label="Téléphone"
          type="tel"
          autocomplete="tel"
          value={s('phone')}
          errors={errors}
        />
        <fieldset class="amb-section">
          <legend>Où vivez-vous ?</legend>
          <p class="field__hint">
            Dans le Lot : votre commune. Hors du Lot : laissez-la vide, indiquez ville et pays.
          </p>
          <Input
            name="commune"
            label="Votre commune dans le Lot"
            hint="Commencez à taper son nom puis choisissez-la dans la liste."
            value={s('commune')}
            errors={errors}
            list="amb-profile-communes"
          />
          <datalist id="amb-profile-communes">
            {communes.map((c) => (
              <option key={c.code} value={c.name} />
            ))}
          </datalist>
          <Input name="city" label="Votre ville, hors du Lot" value={s('city')} errors={errors} />
          <Input name="country" label="Votre pays, hors du Lot" value={s('country')} errors={errors} />
        </fieldset>
        <div class={errors?.chapter ? 'field field--error' : 'field'}>
          <label for="chapter">Votre groupe</label>
          <p class="field__hint" id="chapter-hint">
            Laissez « automatique » pour rejoindre le groupe de votre intercommunalité.
          </p>
          {errors?.chapter && (
            <p class="field__error" id="chapter-error">
              <span class="visually-hidden">Erreur : </span>
              {errors.chapter}
            </p>
          )}
          <select
            id="chapter"
            name="chapter"
            aria-describedby={errors?.chapter ? 'chapter-hint chapter-error' : 'chapter-hint'}
            aria-invalid={errors?.chapter ? 'true' : undefined}
          >
            <option value="">Automatique</option>
            <optgroup label="Groupes locaux">
              {group('local').map((c) => (
                <option key={c.slug} value={c.slug} selected={s('chapter') === c.slug}>
                  {c.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Lotois hors du Lot">
              {group('diaspora').map((c) => (
                <option key={c.slug} value={c.slug} selected={s('chapter') === c.slug}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <SkillFields value={s} errors={errors} />
        <WillingField checked={willing} errors={errors} />
        <Input
          name="childrenAges"
          label="L’âge de vos enfants"
          hint="En années, séparés par des virgules, par exemple : 4, 9. Sert seulement à proposer des parrainages entre familles."
          value={s('childrenAges')}
          errors={errors}
        />
        <ChoiceGroup
          name="newsletterOptOut"
          legend="Lettres d’information"
          type="checkbox"
          options={[{ value: 'oui', label: 'Ne plus recevoir les lettres d’information du réseau' }]}
          checked={[s('newsletterOptOut')]}
          errors={errors}
        />
        <button type="submit" class="button">
          Enregistrer mon profil
        </button>
      </form>
    </AmbassadorFrame>
  );
}

export function profileRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function page(
    reply: FastifyReply,
    a: Ambassador,
    options: { status?: number; values?: ProfileValues; errors?: FieldErrors; saved?: boolean } = {},
  ) {
    const [communes, chapters] = await Promise.all([lotCommunes(ctx.db), listChapters(ctx.db)]);
    return reply.page({
      title: 'Mon profil',
      status: options.status ?? 200,
      noindex: true,
      form: true,
      body: (
        <ProfileForm
          a={a}
          communes={communes}
          chapters={chapters}
          values={options.values ?? valuesOf(a, communes)}
          errors={options.errors}
          saved={options.saved ?? false}
        />
      ),
    });
  }

  app.get(spacePaths.profile, ambassadorRoute, async (request, reply) => {
    const a = await ambassadorOrLogin(ctx, request, reply);
    if (!a) return reply;
    return page(reply, a, { saved: (request.query as Record<string, unknown>).ok === '1' });
  });

  app.post(spacePaths.profile, ambassadorRoute, async (request, reply) => {
    const a = await ambassadorOrLogin(ctx, request, reply);
    if (!a) return reply;
    const [communes, chapters] = await Promise.all([lotCommunes(ctx.db), listChapters(ctx.db)]);
    const parsed = parseProfile((request.body ?? {}) as Record<string, unknown>, communes, chapters);
    if (!parsed.ok) return page(reply, a, { status: 400, values: parsed.values, errors: parsed.errors });
    const { before, after } = changes(a, parsed.value);
    if (Object.keys(after).length > 0) {
      await ctx.db
        .update(ambassadors)
        .set({ ...parsed.value, updatedAt: new Date() })
        .where(eq(ambassadors.id, a.id));
      await recordAmbassador(ctx.db, ambassadorActor(a.code), a.id, 'ambassador.profile', before, after);
    }
    await markActive(ctx.db, a.id);
    return reply.redirect(`${spacePaths.profile}?ok=1`, 303);
  });
}
