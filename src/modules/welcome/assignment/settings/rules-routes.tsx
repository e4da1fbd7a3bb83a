/** /admin/accueil/regles: the ordered assignment rules (administrators). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../../core/context.js';
import { type FieldErrors, notFound } from '../../../../core/http/index.js';
import { submittedText } from '../fields.js';
import { assertConfigure, recordSettings, rulesPath, SettingsFrame } from './frame.js';
import {
  createRule,
  findRule,
  listRules,
  moveRule,
  parseRule,
  type RuleRow,
  ruleChoices,
  ruleSnapshot,
  setRuleActive,
  updateRule,
} from './rules-store.js';
import { RuleForm, RulesList } from './rules-view.js';

const title = 'Règles d’affectation';
const trail = [{ href: rulesPath, label: title }];
const missing = () => notFound('Cette règle n’existe pas.');

const valuesOf = (r: RuleRow): Record<string, string> => ({
  kind: r.kind,
  label: r.label,
  match: r.match,
  organisationId: r.organisationId ?? '',
  userId: r.userId ?? '',
  coAssign: r.coAssign ? '1' : '',
});

export function rulesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const ruleOf = async (request: FastifyRequest) => {
    const rule = await findRule(ctx.db, String((request.params as { id?: string }).id ?? ''));
    if (!rule) throw missing();
    return rule;
  };

  const form = async (
    reply: FastifyReply,
    options: {
      heading: string;
      action: string;
      values: Record<string, string>;
      errors?: FieldErrors;
      submit: string;
    },
  ) => {
    const choices = await ruleChoices(ctx.db);
    return reply.page({
      title: options.heading,
      staff: true,
      status: options.errors ? 400 : 200,
      body: (
        <SettingsFrame title={options.heading} trail={trail}>
          <RuleForm
            action={options.action}
            values={options.values}
            errors={options.errors}
            organisations={choices.organisations}
            people={choices.people}
            submit={options.submit}
          />
        </SettingsFrame>
      ),
    });
  };

  app.get(rulesPath, async (request, reply) => {
    assertConfigure(request);
    const ok = (request.query as Record<string, unknown>).ok;
    return reply.page({
      title,
      staff: true,
      body: (
        <SettingsFrame title={title}>
          <RulesList rules={await listRules(ctx.db)} ok={typeof ok === 'string' ? ok : undefined} />
        </SettingsFrame>
      ),
    });
  });

  const newForm = { heading: 'Nouvelle règle', action: `${rulesPath}/nouvelle`, submit: 'Ajouter la règle' };
  app.get(`${rulesPath}/nouvelle`, async (request, reply) => {
    assertConfigure(request);
    return form(reply, { ...newForm, values: {} });
  });

  app.post(`${rulesPath}/nouvelle`, async (request, reply) => {
    const actor = assertConfigure(request);
    const parsed = await parseRule(ctx.db, request.body);
    if (!parsed.ok)
      return form(reply, { ...newForm, values: submittedText(request.body), errors: parsed.errors });
    const id = await createRule(ctx.db, parsed.value);
    await recordSettings(
      ctx.db,
      actor,
      'welcome.rule.create',
      id,
      null,
      ruleSnapshot(parsed.value),
      request.ip,
    );
    return reply.redirect(`${rulesPath}?ok=creee`, 303);
  });

  const editForm = (rule: RuleRow) => ({
    heading: `Modifier la règle « ${rule.label} »`,
    action: `${rulesPath}/${rule.id}`,
    submit: 'Enregistrer',
  });

  app.get(`${rulesPath}/:id`, async (request, reply) => {
    assertConfigure(request);
    const rule = await ruleOf(request);
    return form(reply, { ...editForm(rule), values: valuesOf(rule) });
  });

  app.post(`${rulesPath}/:id`, async (request, reply) => {
    const actor = assertConfigure(request);
    const rule = await ruleOf(request);
    const parsed = await parseRule(ctx.db, request.body);
    if (!parsed.ok)
      return form(reply, { ...editForm(rule), values: submittedText(request.body), errors: parsed.errors });
    await updateRule(ctx.db, rule.id, parsed.value);
    await recordSettings(
      ctx.db,
      actor,
      'welcome.rule.update',
      rule.id,
      ruleSnapshot(rule),
      ruleSnapshot(parsed.value),
      request.ip,
    );
    return reply.redirect(`${rulesPath}?ok=modifiee`, 303);
  });

  for (const direction of ['up', 'down'] as const)
    app.post(`${rulesPath}/:id/${direction === 'up' ? 'monter' : 'descendre'}`, async (request, reply) => {
      const actor = assertConfigure(request);
      const rule = await ruleOf(request);
      if (await moveRule(ctx.db, rule.id, direction)) {
        const moved = await findRule(ctx.db, rule.id);
        await recordSettings(
          ctx.db,
          actor,
          'welcome.rule.move',
          rule.id,
          { position: rule.position },
          { position: moved?.position },
          request.ip,
        );
      }
      return reply.redirect(`${rulesPath}?ok=deplacee`, 303);
    });

  app.post(`${rulesPath}/:id/activer`, async (request, reply) => {
    const actor = assertConfigure(request);
    const rule = await ruleOf(request);
    await setRuleActive(ctx.db, rule.id, !rule.active);
    await recordSettings(
      ctx.db,
      actor,
      rule.active ? 'welcome.rule.deactivate' : 'welcome.rule.activate',
      rule.id,
      { active: rule.active },
      { active: !rule.active },
      request.ip,
    );
    return reply.redirect(`${rulesPath}?ok=${rule.active ? 'desactivee' : 'activee'}`, 303);
  });
}
