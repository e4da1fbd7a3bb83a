/**
 * /admin/accueil/partenaires: the partners offered in the intake's consent step, each with the purpose the
 * household reads, their order and whether they are offered at all (administrators).
 */

import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../../core/context.js';
import { one, rows } from '../../../../core/db/index.js';
import { type FieldErrors, notFound, parseForm } from '../../../../core/http/index.js';
import { CsrfField, ErrorSummary, Notice, Select, TextInput } from '../../../../core/views/index.js';
import { Checkbox, submittedText, TextArea } from '../fields.js';
import { assertConfigure, partnersPath, recordSettings, SettingsFrame, uuidPattern } from './frame.js';

interface PartnerRow {
  organisationId: string;
  name: string;
  purpose: string;
  position: number;
  active: boolean;
}

const listPartners = (ctx: AppContext) =>
  rows<PartnerRow>(
    ctx.db,
    sql`select p.organisation_id as "organisationId", o.name, p.purpose, p.position, p.active
        from welcome_partners p join organisations o on o.id = p.organisation_id
        order by p.position, o.name`,
  );

const PartnerForm = Type.Object({
  purpose: Type.String({ minLength: 10, maxLength: 500 }),
  position: Type.Integer({ minimum: 0, maximum: 100000 }),
  active: Type.Optional(Type.Literal('1')),
});
const NewPartnerForm = Type.Object({
  organisationId: Type.String({ pattern: uuidPattern.source }),
  purpose: Type.String({ minLength: 10, maxLength: 500 }),
});
const messages = {
  purpose:
    'Décrivez la finalité en 10 à 500 caractères, par exemple « accompagner votre projet de reprise ».',
  position: 'Saisissez un nombre entier entre 0 et 100 000.',
  organisationId: 'Choisissez une organisation dans la liste.',
  active: 'Cochez la case ou laissez-la vide.',
};
const okMessages: Record<string, string> = {
  ajoute: 'Le partenaire a été ajouté à l’étape de consentement.',
  modifie: 'Le partenaire a été enregistré.',
};
const title = 'Partenaires et finalités';

export function partnersRoutes(app: FastifyInstance, ctx: AppContext): void {
  const list = async (
    reply: FastifyReply,
    options: { ok?: string; errors?: FieldErrors; values?: Record<string, string> } = {},
  ) => {
    const [partners, others] = await Promise.all([
      listPartners(ctx),
      rows<{ id: string; name: string }>(
        ctx.db,
        sql`select id, name from organisations o
            where not exists (select 1 from welcome_partners p where p.organisation_id = o.id) order by name`,
      ),
    ]);
    return reply.page({
      title,
      staff: true,
      status: options.errors ? 400 : 200,
      body: (
        <SettingsFrame title={title}>
          {options.ok && okMessages[options.ok] && <Notice kind="success">{okMessages[options.ok]}</Notice>}
          <p>
            Le foyer choisit, dans l’étape de consentement, les partenaires qui peuvent recevoir son dossier ;
            il lit pour chacun la finalité ci-dessous. Seuls ces partenaires peuvent ensuite recevoir le
            dossier.
          </p>
          <div class="table-wrap">
            <table class="admin-table">
              <caption class="visually-hidden">Partenaires proposés au foyer</caption>
              <thead>
                <tr>
                  <th scope="col" class="num">
                    Ordre
                  </th>
                  <th scope="col">Partenaire</th>
                  <th scope="col">Finalité</th>
                  <th scope="col">Proposé</th>
                </tr>
              </thead>
              <tbody>
                {partners.map((p) => (
                  <tr key={p.organisationId}>
                    <td class="num">{p.position}</td>
                    <th scope="row">
                      <a href={`${partnersPath}/${p.organisationId}`}>{p.name}</a>
                    </th>
                    <td>{p.purpose}</td>
                    <td>{p.active ? 'Oui' : 'Non'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {others.length > 0 && (
            <section aria-labelledby="new-partner-title">
              <h2 id="new-partner-title">Proposer un autre partenaire</h2>
              <ErrorSummary errors={options.errors} />
              <form method="post" action={partnersPath} novalidate class="stack-form">
                <CsrfField />
                <Select
                  name="organisationId"
                  label="Organisation"
                  options={[
                    { value: '', label: 'Choisir…' },
                    ...others.map((o) => ({ value: o.id, label: o.name })),
                  ]}
                  value={options.values?.organisationId}
                  errors={options.errors}
                />
                <TextArea
                  name="purpose"
                  label="Finalité lue par le foyer"
                  hint="Complète la phrase « Ce partenaire pourra… », par exemple « accompagner votre projet de reprise »."
                  value={options.values?.purpose}
                  errors={options.errors}
                />
                <button class="button" type="submit">
                  Ajouter le partenaire
                </button>
              </form>
            </section>
          )}
        </SettingsFrame>
      ),
    });
  };

  app.get(partnersPath, async (request, reply) => {
    assertConfigure(request);
    const ok = (request.query as Record<string, unknown>).ok;
    return list(reply, { ok: typeof ok === 'string' ? ok : undefined });
  });

  app.post(partnersPath, async (request, reply) => {
    const actor = assertConfigure(request);
    const parsed = parseForm(NewPartnerForm, request.body, messages);
    if (!parsed.ok) return list(reply, { errors: parsed.errors, values: parsed.values });
    const { organisationId, purpose } = parsed.value;
    const inserted = await one(
      ctx.db,
      sql`insert into welcome_partners (organisation_id, purpose, position)
          select o.id, ${purpose}, (select coalesce(max(position), 0) + 10 from welcome_partners)
          from organisations o where o.id = ${organisationId}
          on conflict (organisation_id) do nothing returning organisation_id`,
    );
    if (!inserted)
      return list(reply, {
        errors: { organisationId: 'Cette organisation est déjà proposée, ou n’existe plus.' },
        values: submittedText(request.body),
      });
    await recordSettings(
      ctx.db,
      actor,
      'welcome.partner.create',
      organisationId,
      null,
      { purpose },
      request.ip,
    );
    return reply.redirect(`${partnersPath}?ok=ajoute`, 303);
  });

  const partnerOf = async (request: FastifyRequest) => {
    const id = String((request.params as { id?: string }).id ?? '');
    const partner = uuidPattern.test(id)
      ? (await listPartners(ctx)).find((p) => p.organisationId === id)
      : undefined;
    if (!partner) throw notFound('Ce partenaire n’existe pas.');
    return partner;
  };

  const edit = (
    reply: FastifyReply,
    partner: PartnerRow,
    values: Record<string, string>,
    errors?: FieldErrors,
  ) =>
    reply.page({
      title: partner.name,
      staff: true,
      status: errors ? 400 : 200,
      body: (
        <SettingsFrame title={partner.name} trail={[{ href: partnersPath, label: title }]}>
          <ErrorSummary errors={errors} />
          <form
            method="post"
            action={`${partnersPath}/${partner.organisationId}`}
            novalidate
            class="stack-form"
          >
            <CsrfField />
            <TextArea
              name="purpose"
              label="Finalité lue par le foyer"
              hint="Les foyers qui ont déjà consenti gardent le texte qu’ils ont lu."
              value={values.purpose}
              errors={errors}
            />
            <TextInput
              name="position"
              label="Ordre d’affichage"
              hint="Les partenaires sont proposés du plus petit nombre au plus grand."
              value={values.position}
              errors={errors}
            />
            <Checkbox
              name="active"
              label="Proposé aux foyers"
              hint="Décochez pour ne plus le proposer ; les consentements déjà donnés restent valables."
              checked={values.active === '1'}
              errors={errors}
            />
            <button class="button" type="submit">
              Enregistrer
            </button>
          </form>
        </SettingsFrame>
      ),
    });

  app.get(`${partnersPath}/:id`, async (request, reply) => {
    assertConfigure(request);
    const p = await partnerOf(request);
    return edit(reply, p, { purpose: p.purpose, position: String(p.position), active: p.active ? '1' : '' });
  });

  app.post(`${partnersPath}/:id`, async (request, reply) => {
    const actor = assertConfigure(request);
    const p = await partnerOf(request);
    const parsed = parseForm(PartnerForm, request.body, messages);
    if (!parsed.ok) return edit(reply, p, submittedText(request.body), parsed.errors);
    const after = {
      purpose: parsed.value.purpose,
      position: parsed.value.position,
      active: parsed.value.active === '1',
    };
    await ctx.db.execute(
      sql`update welcome_partners set purpose = ${after.purpose}, position = ${after.position},
            active = ${after.active} where organisation_id = ${p.organisationId}`,
    );
    await recordSettings(
      ctx.db,
      actor,
      'welcome.partner.update',
      p.organisationId,
      { purpose: p.purpose, position: p.position, active: p.active },
      after,
      request.ip,
    );
    return reply.redirect(`${partnersPath}?ok=modifie`, 303);
  });
}
