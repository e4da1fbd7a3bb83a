/** The staff page of one opportunity: its fields, its seller for those allowed, actions, and history. */
import type { FieldErrors } from '../../../core/http/index.js';
import { CsrfField, ErrorSummary, Field, formatDateTime, Notice } from '../../../core/views/index.js';
import { kindLabels } from '../kinds.js';
import { opportunityPath } from '../public.js';
import type { Opportunity, Seller } from '../store.js';
import { detailRows, type Row } from './details.js';
import { formatDay } from './forms/dates.js';
import { adminPath, editPath, Frame, StatusBadge } from './layout.js';
import type { staffNames } from './queries.js';

type Names = NonNullable<Awaited<ReturnType<typeof staffNames>>>;

export interface HistoryEntry {
  at: Date;
  actorLabel: string;
  action: string;
}

const actionLabels: Record<string, string> = {
  'opportunity.create': 'Création',
  'opportunity.update': 'Modification',
  'opportunity.seller': 'Coordonnées du cédant modifiées',
  'opportunity.draft': 'Retour en brouillon',
  'opportunity.pending': 'Soumission à validation',
  'opportunity.published': 'Publication',
  'opportunity.rejected': 'Refus',
  'opportunity.expired': 'Expiration',
  'opportunity.withdrawn': 'Retrait',
};

function Facts({ rows, label }: { rows: Row[]; label: string }) {
  if (rows.length === 0) return null;
  return (
    <dl class="facts" aria-label={label}>
      {rows.map(([term, value]) => [<dt key={`t-${term}`}>{term}</dt>, <dd key={`d-${term}`}>{value}</dd>])}
    </dl>
  );
}

function placeOf(o: Opportunity, names: Names): string {
  const commune = names.communeName ?? '—';
  if (o.kind === 'takeover' && o.communeCode && !o.publicCommuneCode)
    return `${commune} (le public voit seulement : ${names.epciName ?? 'l’intercommunalité'})`;
  return commune;
}

export interface ViewProps {
  o: Opportunity;
  names: Names;
  profileNames: string[];
  seller: Seller | null | undefined;
  canReadSeller: boolean;
  canReadRequests: boolean;
  canModerate: boolean;
  history: HistoryEntry[];
  notice?: string;
  problem?: string;
  errors?: FieldErrors | null;
  reason?: string;
}

export function OpportunityView(p: ViewProps) {
  const { o, names } = p;
  const core: Row[] = [
    ['Type', kindLabels[o.kind]],
    ['Commune', placeOf(o, names)],
    ['Organisation', names.organisationName ?? '—'],
    ['Déposée par', names.ownerName ?? (o.source === 'choisir' ? '—' : `import (${o.source})`)],
    ...(o.kind === 'takeover' ? ([['Conseiller', names.adviserName ?? '—']] as Row[]) : []),
    ['Profils visés', p.profileNames.join(', ') || '—'],
    ['Expire le', o.expiresAt ? formatDay(o.expiresAt) : '—'],
    ...(o.submittedAt ? ([['Soumise le', formatDateTime(o.submittedAt)]] as Row[]) : []),
    ...(o.publishedAt ? ([['Publiée le', formatDateTime(o.publishedAt)]] as Row[]) : []),
  ];
  return (
    <Frame
      title={o.title}
      actions={
        <a class="button" href={editPath(o)}>
          Modifier
        </a>
      }
    >
      <p class="status-line">
        <StatusBadge status={o.status} />
        {o.demo && <span class="badge badge--muted">Démonstration</span>}
        {o.status === 'published' && <a href={opportunityPath(o)}>Voir la page publique</a>}
      </p>
      {p.notice && <Notice kind="success">{p.notice}</Notice>}
      {p.problem && <Notice kind="warning">{p.problem}</Notice>}
      {o.status === 'rejected' && o.rejectionReason && (
        <Notice kind="warning">
          <strong>Motif du refus :</strong> {o.rejectionReason}
        </Notice>
      )}
      <Actions {...p} />
      <div class="admin-columns">
        <section aria-labelledby="facts-title">
          <h2 id="facts-title">L’annonce</h2>
          <Facts rows={core} label="Informations générales" />
          <Facts rows={detailRows(o)} label={`Détails : ${kindLabels[o.kind]}`} />
          <h3>Description</h3>
          <p class="opportunity-description">{o.description}</p>
        </section>
        <div>
          {o.kind === 'takeover' && p.canReadSeller && (
            <section aria-labelledby="seller-title" class="seller-card">
              <h2 id="seller-title">Le cédant (confidentiel)</h2>
              {p.seller ? (
                <Facts
                  label="Cédant"
                  rows={(
                    [
                      ['Nom', p.seller.name],
                      ['Raison sociale', p.seller.company ?? ''],
                      ['Adresse', p.seller.address ?? ''],
                      ['Adresse e-mail', p.seller.email ?? ''],
                      ['Téléphone', p.seller.phone ?? ''],
                      ['Notes', p.seller.notes ?? ''],
                    ] as Row[]
                  ).filter(([, v]) => v)}
                />
              ) : (
                <p>Le cédant n’est pas encore renseigné.</p>
              )}
            </section>
          )}
          <section aria-labelledby="history-title">
            <h2 id="history-title">Historique</h2>
            {p.history.length === 0 ? (
              <p>Aucun changement enregistré.</p>
            ) : (
              <ul class="history">
                {p.history.map((h, i) => (
                  <li key={i}>
                    {formatDateTime(h.at)} — {actionLabels[h.action] ?? h.action} — {h.actorLabel}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </Frame>
  );
}

function Actions({ o, canModerate, canReadRequests, errors, reason }: ViewProps) {
  const resubmittable = ['draft', 'rejected', 'withdrawn', 'expired'].includes(o.status);
  return (
    <section aria-labelledby="actions-title" class="opportunity-actions">
      <h2 id="actions-title" class="visually-hidden">
        Actions
      </h2>
      {canModerate && o.status === 'pending' && (
        <div class="moderation-box">
          <h2>Modération</h2>
          <ErrorSummary errors={errors} />
          <form method="post" action={`${adminPath(o)}/valider`} class="inline-form">
            <CsrfField />
            <button type="submit" class="button">
              Valider et publier
            </button>
          </form>
          <form method="post" action={`${adminPath(o)}/refuser`} novalidate class="stack-form">
            <CsrfField />
            <Field
              name="reason"
              label="Motif du refus"
              hint="Envoyé par courriel à l’auteur de l’annonce : dites ce qu’il faut corriger."
              errors={errors}
            >
              {(describedBy, invalid) => (
                <textarea
                  id="reason"
                  name="reason"
                  rows={4}
                  aria-describedby={describedBy}
                  aria-invalid={invalid ? 'true' : undefined}
                >
                  {reason ?? ''}
                </textarea>
              )}
            </Field>
            <button type="submit" class="button button--danger">
              Refuser
            </button>
          </form>
        </div>
      )}
      <div class="form-actions">
        {resubmittable && (
          <form method="post" action={`${adminPath(o)}/soumettre`} class="inline-form">
            <CsrfField />
            <button type="submit" class="button">
              {canModerate ? 'Publier' : 'Soumettre à validation'}
            </button>
          </form>
        )}
        {o.status !== 'withdrawn' && (
          <form method="post" action={`${adminPath(o)}/retirer`} class="inline-form">
            <CsrfField />
            <button type="submit" class="button button--secondary">
              Retirer
            </button>
          </form>
        )}
        {canReadRequests && <a href={`${adminPath(o)}/demandes`}>Demandes de contact</a>}
      </div>
    </section>
  );
}
