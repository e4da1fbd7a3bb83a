/**
 * The assignment decision as a pure function of the rules and the file: which organisation leads, which ones
 * also receive a share, and why. Only organisations the household consented to ever get a share.
 *
 * Several EPCIs of interest: the first consented one leads. The others get no share by default — the household
 * has not chosen yet, and giving every EPCI the file would spread personal data beyond need; the lead hands the
 * file off once the household narrows its choice. A place rule marked « co-assign » gives them a share instead.
 */
import { occupationMatches, projectMatches } from './matching.js';

export interface Rule {
  id: string;
  position: number;
  kind: 'place' | 'project' | 'occupation' | 'default';
  match: string;
  organisationId: string | null;
  userId: string | null;
  coAssign: boolean;
  label: string;
}

export interface DecisionInput {
  /** Active rules, in order. */
  rules: Rule[];
  /** EPCIs of interest in the household's order (chosen EPCIs first, then those of chosen communes). */
  epcisOfInterest: string[];
  /** EPCI code → its organisation's id. */
  epciOrganisations: Map<string, string>;
  /** Organisations with a live consent. */
  consented: Set<string>;
  projectKinds: string[];
  businessSector: string | null;
  /** Adults' occupations. */
  occupations: (string | null)[];
  /** The Département's organisation: the queue when no rule leads and no default rule names one. */
  departementId: string;
}

export interface Decision {
  lead: { organisationId: string; epciCode: string | null; userId: string | null };
  /** The lead holds a share only when consented (a Département queue without consent is seen territory-wide). */
  leadShared: boolean;
  coAssigned: { organisationId: string; userId: string | null }[];
  /** Rules that applied, in order. */
  ruleLabels: string[];
  /** Rules that matched but whose organisation the household did not consent to. */
  skipped: string[];
  /** People a rule named (e.g. the health referent), per organisation. */
  named: { organisationId: string; userId: string }[];
}

export function decide(input: DecisionInput): Decision {
  const { consented } = input;
  let lead: Decision['lead'] | null = null;
  const co = new Map<string, string | null>();
  const ruleLabels: string[] = [];
  const skipped: string[] = [];
  const named: Decision['named'] = [];

  for (const rule of input.rules) {
    if (rule.kind === 'default') continue;
    if (rule.kind === 'place') {
      if (lead && !rule.coAssign) continue;
      const places = input.epcisOfInterest
        .map((code) => ({ code, organisationId: input.epciOrganisations.get(code) }))
        .filter((p): p is { code: string; organisationId: string } => Boolean(p.organisationId));
      const allowed = places.filter((p) => consented.has(p.organisationId));
      if (allowed.length === 0) {
        if (places.length) skipped.push(rule.label);
        continue;
      }
      let rest = allowed;
      if (!lead) {
        lead = { organisationId: allowed[0].organisationId, epciCode: allowed[0].code, userId: null };
        rest = allowed.slice(1);
      }
      if (rule.coAssign) for (const p of rest) if (!co.has(p.organisationId)) co.set(p.organisationId, null);
      ruleLabels.push(rule.label);
      continue;
    }
    if (!rule.organisationId) continue;
    const matched =
      rule.kind === 'project'
        ? projectMatches(rule.match, input)
        : occupationMatches(rule.match, input.occupations);
    if (!matched) continue;
    if (!consented.has(rule.organisationId)) {
      skipped.push(rule.label);
      continue;
    }
    if (rule.userId) named.push({ organisationId: rule.organisationId, userId: rule.userId });
    if (!lead && !rule.coAssign)
      lead = { organisationId: rule.organisationId, epciCode: null, userId: rule.userId };
    else co.set(rule.organisationId, rule.userId ?? co.get(rule.organisationId) ?? null);
    ruleLabels.push(rule.label);
  }

  if (!lead) {
    const fallback = input.rules.find((r) => r.kind === 'default' && r.organisationId);
    lead = {
      organisationId: fallback?.organisationId ?? input.departementId,
      epciCode: null,
      userId: fallback?.userId ?? null,
    };
    ruleLabels.push(fallback?.label ?? 'Aucune règle ne s’applique → file d’attente du Département');
  }
  // The lead's organisation needs no second share; a person a rule named there becomes the file's referent.
  const namedAtLead = co.get(lead.organisationId);
  if (namedAtLead && !lead.userId) lead.userId = namedAtLead;
  co.delete(lead.organisationId);
  return {
    lead,
    leadShared: consented.has(lead.organisationId),
    coAssigned: [...co].map(([organisationId, userId]) => ({ organisationId, userId })),
    ruleLabels,
    skipped,
    named,
  };
}
