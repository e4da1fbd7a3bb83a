/** The fields of each kind of opportunity, below the common core. */
import type { FieldErrors } from '../../../../core/http/index.js';
import {
  confidentialityLevels,
  contractTypes,
  experienceLevels,
  headcountBands,
  housingKinds,
  premisesKinds,
  priceBands,
  remoteOptions,
  sectors,
  takeoverKinds,
  takeoverOperations,
  turnoverBands,
  workingTimes,
} from '../../kinds.js';
import { Checkbox, Choice, type FormValues, GroupedChoice, Input, Section, TextArea } from './fields.js';
import { periodRows } from './parse.js';
import { salaryUnits } from './schema.js';

export interface KindFieldsProps {
  values: FormValues;
  errors?: FieldErrors | null;
}

export type ChoiceGroups = { label: string; options: { value: string; label: string }[] }[];

export function JobFields({ values, errors }: KindFieldsProps) {
  const p = { values, errors };
  return (
    <>
      <Section title="Le poste">
        <Choice name="contractType" label="Type de contrat" options={contractTypes} {...p} />
        <Input
          name="occupation"
          label="Métier (facultatif)"
          hint="Le nom du métier, par exemple « Infirmier ou infirmière ». Il compte beaucoup dans la recherche."
          {...p}
        />
        <Choice name="sector" label="Secteur d’activité" options={sectors} {...p} />
        <Choice name="workingTime" label="Temps de travail (facultatif)" options={workingTimes} {...p} />
        <Input name="hoursPerWeek" label="Heures par semaine (facultatif)" numeric {...p} />
        <Choice name="remote" label="Télétravail (facultatif)" options={remoteOptions} {...p} />
        <Input name="posts" label="Nombre de postes (facultatif)" numeric {...p} />
        <Input
          name="startsOn"
          label="Date de prise de poste (facultatif)"
          type="date"
          hint="Par exemple 01/09/2026."
          {...p}
        />
        <Choice
          name="experience"
          label="Expérience demandée (facultatif)"
          options={experienceLevels}
          {...p}
        />
        <Input name="qualification" label="Diplôme ou qualification (facultatif)" {...p} />
        <Checkbox
          name="wanted"
          label="Profil difficile à recruter (santé, ingénierie, techniciens)"
          hint="L’offre apparaît dans la sélection « Wanted » du portail."
          values={values}
        />
      </Section>
      <Section title="Rémunération">
        <Input
          name="salaryText"
          label="Rémunération telle qu’affichée (facultatif)"
          hint="Par exemple « Selon la grille de la convention collective, primes »."
          {...p}
        />
        <Input name="salaryMin" label="Salaire minimum en euros (facultatif)" numeric {...p} />
        <Input name="salaryMax" label="Salaire maximum en euros (facultatif)" numeric {...p} />
        <Choice name="salaryUnit" label="Période du salaire" options={salaryUnits} {...p} />
      </Section>
      <Section title="Accueil du foyer">
        <Checkbox
          name="openToCouples"
          label="Ouvert aux couples : l’employeur aide le conjoint à trouver un emploi"
          values={values}
        />
        <TextArea name="spouseHelp" label="Aide au conjoint (facultatif)" rows={3} {...p} />
        <TextArea
          name="relocationHelp"
          label="Aide à l’installation (facultatif)"
          hint="Logement pendant la période d’essai, prise en charge du déménagement…"
          rows={3}
          {...p}
        />
      </Section>
      <ContactFields {...p} employer />
    </>
  );
}

export function TakeoverFields({
  values,
  errors,
  advisers,
  sellerEditable,
}: KindFieldsProps & { advisers: ChoiceGroups; sellerEditable: boolean }) {
  const p = { values, errors };
  return (
    <>
      <Section title="L’entreprise">
        <Choice name="businessKind" label="Type d’entreprise" options={takeoverKinds} {...p} />
        <Choice name="operation" label="Opération" options={takeoverOperations} {...p} />
        <Choice name="sector" label="Secteur d’activité (facultatif)" options={sectors} {...p} />
        <Choice name="headcountBand" label="Effectif (facultatif)" options={headcountBands} {...p} />
        <Choice name="turnoverBand" label="Chiffre d’affaires (facultatif)" options={turnoverBands} {...p} />
        <Choice name="priceBand" label="Prix demandé (facultatif)" options={priceBands} {...p} />
        <Input name="minContribution" label="Apport minimum en euros (facultatif)" numeric {...p} />
        <Checkbox name="housingIncluded" label="Un logement est compris dans la cession" values={values} />
        <Input
          name="availableFrom"
          label="Disponible à partir du (facultatif)"
          type="date"
          hint="Par exemple 01/01/2027."
          {...p}
        />
        <TextArea name="reason" label="Motif de la cession (facultatif)" rows={3} {...p} />
      </Section>
      <Section
        title="Confidentialité et accompagnement"
        intro="Le nom du cédant et l’adresse exacte ne sont jamais publiés. Les demandes des repreneurs sont adressées au conseiller."
      >
        <Choice
          name="confidentiality"
          label="Ce que le public voit du lieu"
          options={confidentialityLevels}
          {...p}
        />
        <GroupedChoice
          name="adviserId"
          label="Conseiller qui accompagne la cession"
          hint={
            advisers.length === 0
              ? 'Aucun conseiller de chambre consulaire n’a encore de compte : demandez à un administrateur d’en inviter un.'
              : 'Conseillers des chambres consulaires.'
          }
          groups={advisers}
          {...p}
        />
      </Section>
      {sellerEditable && (
        <Section
          title="Le cédant (confidentiel)"
          intro="Visible seulement du conseiller, de l’équipe de votre organisation et des administrateurs."
        >
          <Input name="sellerName" label="Nom du cédant" autocomplete="off" {...p} />
          <Input name="sellerCompany" label="Raison sociale (facultatif)" autocomplete="off" {...p} />
          <Input name="sellerAddress" label="Adresse (facultatif)" autocomplete="off" {...p} />
          <Input
            name="sellerEmail"
            label="Adresse e-mail (facultatif)"
            type="email"
            autocomplete="off"
            {...p}
          />
          <Input name="sellerPhone" label="Téléphone (facultatif)" type="tel" autocomplete="off" {...p} />
          <TextArea name="sellerNotes" label="Notes internes (facultatif)" rows={3} {...p} />
        </Section>
      )}
    </>
  );
}

export function PremisesFields({ values, errors }: KindFieldsProps) {
  const p = { values, errors };
  return (
    <>
      <Section title="Le local">
        <Choice name="premisesKind" label="Type de local" options={premisesKinds} {...p} />
        <Input name="surfaceM2" label="Surface en m² (facultatif)" numeric {...p} />
        <Input name="rentMonthly" label="Loyer mensuel en euros (facultatif)" numeric {...p} />
        <Input name="salePrice" label="Prix de vente en euros (facultatif)" numeric {...p} />
        <Input
          name="availableFrom"
          label="Disponible à partir du (facultatif)"
          type="date"
          hint="Par exemple 01/01/2027."
          {...p}
        />
        <TextArea name="equipment" label="Équipements (facultatif)" rows={3} {...p} />
      </Section>
      <ContactFields {...p} />
    </>
  );
}

export function HousingFields({ values, errors }: KindFieldsProps) {
  const p = { values, errors };
  // Without JavaScript rows cannot be added: always offer two empty ones after those already filled in.
  const filled = periodRows(values);
  const rows = Math.min(20, Math.max(3, (filled.at(-1)?.index ?? -1) + 3));
  return (
    <>
      <Section title="Le logement">
        <Choice name="housingKind" label="Type de logement" options={housingKinds} {...p} />
        <Input name="capacity" label="Nombre de personnes accueillies (facultatif)" numeric {...p} />
        <Input
          name="rentText"
          label="Loyer tel qu’affiché (facultatif)"
          hint="Par exemple « 350 € par mois, charges comprises »."
          {...p}
        />
        <Input name="rentMonthly" label="Loyer mensuel en euros (facultatif)" numeric {...p} />
        <TextArea
          name="conditions"
          label="Conditions (facultatif)"
          hint="Pour qui, pour combien de temps, les pièces à fournir."
          rows={3}
          {...p}
        />
        <Checkbox name="openToCouples" label="Convient à un couple" values={values} />
      </Section>
      <Section
        title="Périodes de disponibilité"
        intro="Laissez la date de fin vide pour une période sans fin connue. Enregistrez pour obtenir d’autres lignes."
      >
        {Array.from({ length: rows }, (_, i) => (
          <div class="period-row" key={i}>
            <Input name={`periodFrom${i}`} label={`Période ${i + 1} : début`} type="date" {...p} />
            <Input name={`periodTo${i}`} label={`Période ${i + 1} : fin (facultatif)`} type="date" {...p} />
          </div>
        ))}
      </Section>
      <ContactFields {...p} />
    </>
  );
}

function ContactFields({ values, errors, employer }: KindFieldsProps & { employer?: boolean }) {
  const p = { values, errors };
  return (
    <Section title="Contact public" intro="Ces coordonnées sont publiées avec l’annonce.">
      {employer && (
        <Input
          name="employerName"
          label="Nom de l’employeur (facultatif)"
          hint="Laissez vide pour afficher le nom de votre organisation."
          {...p}
        />
      )}
      <Input name="contactName" label="Nom du contact (facultatif)" {...p} />
      <Input name="contactEmail" label="Adresse e-mail (facultatif)" type="email" {...p} />
      <Input name="contactPhone" label="Téléphone (facultatif)" type="tel" {...p} />
    </Section>
  );
}
