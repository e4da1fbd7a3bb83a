import type { ComponentChildren } from 'preact';
import { formatDateTime, formatNumber, safeUrl } from '../../../core/views/index.js';
import { businessSectorLabels, heardFromLabels, projectKindLabels, timelineLabels } from '../files.js';
import { formatDay } from './dates.js';
import type { FileSummary, Member } from './summary-data.js';

const tenureLabels: Record<string, string> = {
  rent: 'Location',
  buy: 'Achat',
  unknown: 'Pas encore décidé',
};

const missing = <span class="muted">Non renseigné</span>;

function Row({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children ?? missing}</dd>
    </div>
  );
}

const orMissing = (value: string | null | undefined) => (value ? value : missing);

function Adult({ member, index }: { member: Member; index: number }) {
  return (
    <li>
      <strong>{member.firstName || `Adulte ${index + 1}`}</strong>
      {member.occupation ? ` — ${member.occupation}` : ' — métier non renseigné'}
      {member.seekingWork ? (
        <>
          {' '}
          <span class="badge badge--warning">Cherche un emploi</span>
          {member.jobSearch && <span class="file-summary__detail">Recherche : {member.jobSearch}</span>}
        </>
      ) : null}
    </li>
  );
}

/** The file as the household described it: contact, household, project, places, housing, consents. */
export function Summary({ summary }: { summary: FileSummary }) {
  const { file, members } = summary;
  const adults = members.filter((m) => m.kind === 'adult');
  const children = members.filter((m) => m.kind === 'child');
  const places = [...summary.placeCommunes, ...summary.placeEpcis];
  return (
    <section class="file-section" aria-labelledby="resume">
      <h2 id="resume">Résumé</h2>
      <div class="file-summary">
        <div>
          <h3>Contact</h3>
          <dl class="file-facts">
            <Row term="Nom">{orMissing(file.contactName)}</Row>
            <Row term="Adresse e-mail">
              {file.email ? <a href={safeUrl(`mailto:${file.email}`)}>{file.email}</a> : missing}
            </Row>
            <Row term="Téléphone">
              {file.phone ? (
                <a href={safeUrl(`tel:${file.phone.replace(/[^\d+]/g, '')}`)}>{file.phone}</a>
              ) : (
                missing
              )}
            </Row>
            <Row term="Dossier envoyé le">
              {file.submittedAt ? formatDateTime(file.submittedAt) : missing}
            </Row>
          </dl>
          <h3>Foyer</h3>
          {adults.length === 0 && children.length === 0 ? (
            <p class="muted">Aucun membre du foyer renseigné.</p>
          ) : (
            <>
              {adults.length > 0 && (
                <ul class="plain-list">
                  {adults.map((m, i) => (
                    <Adult key={m.id} member={m} index={i} />
                  ))}
                </ul>
              )}
              <p>
                {children.length === 0
                  ? 'Pas d’enfant.'
                  : `${children.length === 1 ? 'Un enfant' : `${children.length} enfants`} : ${children
                      .map((c) => (c.age === null ? 'âge non renseigné' : `${c.age} ans`))
                      .join(', ')}.`}
              </p>
            </>
          )}
        </div>
        <div>
          <h3>Projet</h3>
          <dl class="file-facts">
            <Row term="Nature">
              {file.projectKinds.length
                ? file.projectKinds.map((k) => projectKindLabels[k] ?? k).join(', ')
                : missing}
            </Row>
            {file.businessSector && (
              <Row term="Secteur">{businessSectorLabels[file.businessSector] ?? file.businessSector}</Row>
            )}
            {file.projectNote && <Row term="Précisions">{file.projectNote}</Row>}
            <Row term="Lieux souhaités">
              {places.length ? places.join(', ') : file.placeUnknown ? 'Pas encore d’idée' : missing}
            </Row>
            <Row term="Logement">
              {file.housingTenure ? tenureLabels[file.housingTenure] : missing}
              {file.housingBudget ? `, budget ${formatNumber(file.housingBudget)} €` : ''}
              {file.needsTemporaryHousing ? ', cherche un logement temporaire' : ''}
            </Row>
            <Row term="Calendrier">
              {file.timeline ? (timelineLabels[file.timeline] ?? file.timeline) : missing}
            </Row>
            <Row term="Profil">{orMissing(summary.targetProfile)}</Row>
            <Row term="Nous a connus par">
              {file.heardFrom ? (heardFromLabels[file.heardFrom] ?? file.heardFrom) : missing}
              {file.heardDetail ? ` (${file.heardDetail})` : ''}
              {file.campaign ? `, campagne ${file.campaign}` : ''}
              {file.ambassadorCode ? `, code ambassadeur ${file.ambassadorCode}` : ''}
            </Row>
            {summary.settledCommune && (
              <Row term="Installé à">
                {summary.settledCommune}
                {file.settledOn ? ` depuis le ${formatDay(file.settledOn)}` : ''}
              </Row>
            )}
            {file.closedReason && <Row term="Motif de clôture">{file.closedReason}</Row>}
          </dl>
        </div>
      </div>
      <h3>Consentements</h3>
      {summary.consents.length === 0 ? (
        <p>Le foyer n’a autorisé aucun partenaire à recevoir son dossier.</p>
      ) : (
        <ul class="plain-list file-consents">
          {summary.consents.map((c) => (
            <li key={c.organisationName}>
              <strong>{c.organisationName}</strong> : {c.purpose}.{' '}
              <span class="muted">
                {c.withdrawnAt
                  ? `Retiré le ${formatDateTime(c.withdrawnAt)}.`
                  : `Accordé le ${formatDateTime(c.grantedAt)} (texte ${c.textVersion}).`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
