import type { ComponentChildren } from 'preact';
import type { AppContext } from '../../../core/context.js';
import { CsrfField, formatNumber } from '../../../core/views/index.js';
import { listProfiles } from '../../content/index.js';
import {
  businessSectorLabels,
  heardFromLabels,
  type NewcomerFile,
  projectKindLabels,
  timelineLabels,
} from '../files.js';
import { loadPlaces } from './places.js';
import { describePlaces } from './step-place.js';
import { type StepSlug, stepPath } from './steps.js';
import { type FileMember, listConsents, listMembers, listOfferedPartners } from './store.js';
import { IntakeFrame } from './views/frame.js';

export interface Recap {
  file: NewcomerFile;
  members: FileMember[];
  places: string[];
  profileName: string | null;
  partners: { name: string; purpose: string }[];
}

export async function loadRecap(ctx: AppContext, file: NewcomerFile): Promise<Recap> {
  const [members, places, profiles, consents, offered] = await Promise.all([
    listMembers(ctx.db, file.id),
    loadPlaces(ctx),
    listProfiles(ctx.db),
    listConsents(ctx.db, file.id),
    listOfferedPartners(ctx.db),
  ]);
  const names = new Map(offered.map((p) => [p.organisationId, p.name]));
  return {
    file,
    members,
    places: describePlaces(file, places),
    profileName: profiles.find((p) => p.slug === file.targetProfile)?.name ?? null,
    partners: consents
      .filter((c) => !c.withdrawnAt)
      .map((c) => ({ name: names.get(c.organisationId) ?? 'Partenaire', purpose: c.purpose })),
  };
}

const tenureLabels: Record<string, string> = {
  rent: 'Louer',
  buy: 'Acheter',
  unknown: 'Je ne sais pas encore',
};
const euros = (n: number) => `${formatNumber(n)} €`;

function Section(props: { step: StepSlug; title: string; children: ComponentChildren }) {
  return (
    <section class="intake-recap__section" aria-labelledby={`recap-${props.step}`}>
      <div class="intake-recap__head">
        <h2 id={`recap-${props.step}`}>{props.title}</h2>
        <a href={stepPath(props.step)}>
          Modifier<span class="visually-hidden"> : {props.title.toLowerCase()}</span>
        </a>
      </div>
      <dl class="intake-recap__list">{props.children}</dl>
    </section>
  );
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="intake-recap__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Adult({ m }: { m: FileMember }) {
  const parts = [m.age !== null ? `${m.age} ans` : '', m.occupation ?? ''].filter(Boolean).join(', ');
  return (
    <>
      {m.firstName}
      {parts && ` (${parts})`}
      {m.seekingWork ? ` — cherche un emploi${m.jobSearch ? ` : ${m.jobSearch}` : ''}` : ''}
    </>
  );
}

/** Every answer, with a link to change each part, then « Envoyer mon projet ». */
export function RecapPage({ recap, error }: { recap: Recap; error?: string | null }) {
  const { file, members } = recap;
  const adults = members.filter((m) => m.kind === 'adult');
  const children = members.filter((m) => m.kind === 'child');
  return (
    <IntakeFrame step="recapitulatif" reached={file.intakeStep} errors={error ? { _form: error } : null}>
      <p class="lead">Relisez votre projet. Vous pouvez modifier chaque partie avant de l’envoyer.</p>
      <Section step="contact" title="Vos coordonnées">
        <Row label="Nom">{file.contactName}</Row>
        <Row label="E-mail">{file.email}</Row>
        <Row label="Téléphone">{file.phone || 'Non renseigné'}</Row>
      </Section>
      <Section step="foyer" title="Votre foyer">
        <Row label="Adultes">
          <ul class="intake-recap__items">
            {adults.map((m) => (
              <li key={m.id}>
                <Adult m={m} />
              </li>
            ))}
          </ul>
        </Row>
        <Row label="Enfants">
          {children.length
            ? children.map((c) => (c.age === 0 ? 'moins d’un an' : `${c.age} ans`)).join(', ')
            : 'Aucun'}
        </Row>
      </Section>
      <Section step="projet" title="Votre projet">
        <Row label="Raisons">{file.projectKinds.map((k) => projectKindLabels[k] ?? k).join(', ')}</Row>
        {file.businessSector && <Row label="Secteur">{businessSectorLabels[file.businessSector]}</Row>}
        {file.projectNote && <Row label="En quelques mots">{file.projectNote}</Row>}
      </Section>
      <Section step="lieu" title="Où vivre">
        <Row label="Lieux">{recap.places.join(', ')}</Row>
      </Section>
      <Section step="logement" title="Votre logement">
        <Row label="Vous souhaitez">{tenureLabels[file.housingTenure ?? 'unknown']}</Row>
        <Row label="Budget">{file.housingBudget !== null ? euros(file.housingBudget) : 'Non renseigné'}</Row>
        <Row label="Logement temporaire">{file.needsTemporaryHousing ? 'Oui, à chercher' : 'Non'}</Row>
      </Section>
      <Section step="calendrier" title="Votre calendrier">
        <Row label="Installation">{timelineLabels[file.timeline ?? 'unknown']}</Row>
      </Section>
      <Section step="origine" title="Comment vous nous avez connus">
        <Row label="Par">
          {heardFromLabels[file.heardFrom ?? 'other']}
          {file.heardDetail && ` (${file.heardDetail})`}
        </Row>
        {file.ambassadorCode && <Row label="Code ambassadeur">{file.ambassadorCode}</Row>}
      </Section>
      <Section step="profil" title="Votre profil">
        <Row label="Profil">{recap.profileName ?? 'Aucun'}</Row>
      </Section>
      <Section step="consentement" title="Vos accords">
        <Row label="Transmis à">
          <ul class="intake-recap__items">
            {recap.partners.map((p) => (
              <li key={p.name}>
                {p.name} : pour {p.purpose}
              </li>
            ))}
          </ul>
        </Row>
      </Section>
      <form method="post" action={stepPath('recapitulatif')} class="intake-form intake-submit">
        <CsrfField />
        <p>
          En envoyant votre projet, vous le transmettez aux partenaires ci-dessus. Vous ne pourrez plus le
          modifier ici, mais vous pourrez écrire à votre référent depuis votre espace.
        </p>
        <button type="submit" class="button">
          Envoyer mon projet
        </button>
      </form>
    </IntakeFrame>
  );
}
