import type { FieldErrors } from '../../../core/http/index.js';
import { welcomeSeed } from '../seed.js';
import { type ConsentOffer, chosenPartners, consentOffer, placeEpciCodes } from './consent.js';
import type { StepHandler } from './handler.js';
import { type FormValues, list, text } from './parse.js';
import { loadPlaces } from './places.js';
import { listConsents, listOfferedPartners, replaceConsents } from './store.js';
import { Checkbox, many, one } from './views/controls.js';
import { IntakeFrame, StepForm } from './views/frame.js';

interface ConsentData {
  offer: ConsentOffer;
  consented: string[];
}

const epciLabel = (offer: ConsentOffer) =>
  offer.allEpcis
    ? 'Les intercommunalités du Lot'
    : offer.epcis.length > 1
      ? `Les intercommunalités des lieux choisis : ${offer.epcis.map((p) => p.name).join(', ')}`
      : `L’intercommunalité du lieu choisi : ${offer.epcis[0]?.name ?? ''}`;

/**
 * Consent, partner by partner, each with its purpose. The Département is required (it coordinates the welcome
 * and names the referent); the intercommunality of the places chosen and the chambers are the household's
 * choice (see consent.ts for why the EPCI choice is the places' own).
 */
export const consentStep: StepHandler<ConsentData> = {
  async load(ctx, file) {
    const [partners, places, consents] = await Promise.all([
      listOfferedPartners(ctx.db),
      loadPlaces(ctx),
      file ? listConsents(ctx.db, file.id) : Promise.resolve([]),
    ]);
    const epciCodes = file ? placeEpciCodes(file, places.communeEpci) : [];
    return {
      offer: consentOffer(partners, epciCodes),
      consented: consents.filter((c) => !c.withdrawnAt).map((c) => c.organisationId),
    };
  },
  values(file, { offer, consented }): FormValues {
    // The first time, nothing is ticked: consent is given by ticking, never assumed.
    if (file?.intakeStep === 'consentement') return {};
    return {
      partenaire: [...offer.required, ...offer.optional]
        .filter((p) => consented.includes(p.organisationId))
        .map((p) => p.organisationId),
      epci: offer.epcis.some((p) => consented.includes(p.organisationId)) ? 'oui' : '',
    };
  },
  View({ file, data: { offer }, values, errors }) {
    const ticked = many(values.partenaire);
    return (
      <IntakeFrame step="consentement" reached={file?.intakeStep ?? 'contact'} errors={errors}>
        <div class="prose intake-consent__text">
          <p>
            Pour vous accompagner, votre projet est partagé avec les partenaires du réseau d’accueil que vous
            choisissez ci-dessous, et avec eux seulement. Chacun ne voit votre dossier que pour la raison
            indiquée.
          </p>
          <p>
            Vous retrouverez ces choix dans votre espace : vous pourrez y télécharger toutes vos données,
            retirer votre accord à un partenaire ou supprimer votre dossier. Sans activité pendant trois ans,
            votre dossier est supprimé, après un e-mail pour vous prévenir.
          </p>
        </div>
        <StepForm step="consentement">
          <fieldset class="field intake-consent">
            <legend>J’accepte que mon projet soit transmis à :</legend>
            {offer.required.map((p, i) => (
              <Checkbox
                key={p.organisationId}
                name="partenaire"
                id={i === 0 ? 'departement' : `departement-${i + 1}`}
                value={p.organisationId}
                label={p.name}
                hint={
                  <>
                    Pour {p.purpose}. <strong>Nécessaire</strong> : le Département coordonne l’accueil et
                    désigne la personne qui vous accompagne ; sans cet accord, votre projet ne peut pas être
                    traité.
                  </>
                }
                checked={ticked.includes(p.organisationId)}
                errors={errors}
              />
            ))}
            {offer.epcis.length > 0 && (
              <Checkbox
                name="epci"
                label={epciLabel(offer)}
                hint={
                  offer.allEpcis
                    ? `Pour ${offer.epcis[0].purpose}. Vous n’avez pas encore choisi de lieu : l’équipe de l’intercommunalité qui vous conviendra pourra ainsi vous accueillir.`
                    : `Pour ${offer.epcis[0].purpose}.`
                }
                checked={one(values.epci) === 'oui'}
                errors={errors}
              />
            )}
            {offer.optional.map((p, i) => (
              <Checkbox
                key={p.organisationId}
                name="partenaire"
                id={`partenaire-${i + 1}`}
                value={p.organisationId}
                label={`${p.name} (facultatif)`}
                hint={`Pour ${p.purpose}.`}
                checked={ticked.includes(p.organisationId)}
                errors={errors}
              />
            ))}
          </fieldset>
          <p class="intake-consent__version">Version du texte : {welcomeSeed().consentTextVersion}</p>
        </StepForm>
      </IntakeFrame>
    );
  },
  async parse(ctx, body, { offer }, file) {
    const ticked = list(body, 'partenaire');
    const errors: FieldErrors = {};
    if (offer.required.some((p) => !ticked.includes(p.organisationId)))
      errors.departement =
        'Cochez l’accord pour le Département : sans lui, votre projet ne peut pas être traité.';
    if (Object.keys(errors).length) return { ok: false, errors };
    const partners = chosenPartners(offer, ticked, text(body, 'epci') === 'oui');
    const fileId = file?.id ?? '';
    return { ok: true, changes: {}, also: () => replaceConsents(ctx.db, fileId, partners) };
  },
};
