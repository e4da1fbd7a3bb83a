import type { FieldErrors } from '../../../core/http/index.js';
import {
  Breadcrumbs,
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  Select,
  TextInput,
} from '../../../core/views/index.js';
import { settingsBase } from '../paths.js';
import { type KitSection, sectionKindLabels, sectionKinds } from './sections.js';

export const kitSettingsPath = `${settingsBase}/kit`;
export const sectionPath = (id: string) => `${kitSettingsPath}/${id}`;

export interface ProfileChoice {
  slug: string;
  name: string;
}

const notices: Record<string, string> = {
  cree: 'La section a été ajoutée.',
  modifie: 'La section a été enregistrée.',
  supprime: 'La section a été supprimée.',
};

function Frame({
  title,
  children,
  home,
}: {
  title: string;
  home?: boolean;
  children: preact.ComponentChildren;
}) {
  return (
    <div class="container admin kit-settings">
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Tableau de bord' },
          { href: settingsBase, label: 'Parcours d’accueil' },
          ...(home ? [] : [{ href: kitSettingsPath, label: 'Kit d’accueil' }]),
          { label: title },
        ]}
      />
      <h1>{title}</h1>
      {children}
    </div>
  );
}

export function KitSettingsList({
  sections,
  profiles,
  ok,
}: {
  sections: KitSection[];
  profiles: ProfileChoice[];
  ok?: string;
}) {
  const profileName = (slug: string | null) =>
    slug ? (profiles.find((p) => p.slug === slug)?.name ?? slug) : 'Tous les foyers';
  return (
    <Frame title="Kit d’accueil" home>
      {ok && notices[ok] && <Notice kind="success">{notices[ok]}</Notice>}
      <p class="lead">
        Chaque foyer reçoit les sections destinées à tous, puis celles de son profil, dans l’ordre indiqué.
      </p>
      <p>
        <a class="button" href={`${kitSettingsPath}/nouvelle`}>
          Ajouter une section
        </a>
      </p>
      {sections.length === 0 ? (
        <p>Aucune section pour l’instant.</p>
      ) : (
        <table class="table">
          <caption>Sections du kit d’accueil</caption>
          <thead>
            <tr>
              <th scope="col">Ordre</th>
              <th scope="col">Titre</th>
              <th scope="col">Type</th>
              <th scope="col">Pour</th>
            </tr>
          </thead>
          <tbody>
            {sections.map((s) => (
              <tr key={s.id}>
                <td>{s.position}</td>
                <td>
                  <a href={sectionPath(s.id)}>{s.title}</a>
                </td>
                <td>{sectionKindLabels[s.kind]}</td>
                <td>{profileName(s.targetProfile)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Frame>
  );
}

export function KitSectionForm({
  section,
  profiles,
  values,
  errors,
}: {
  section?: KitSection;
  profiles: ProfileChoice[];
  values?: Record<string, string>;
  errors?: FieldErrors | null;
}) {
  const v = values ?? {
    title: section?.title ?? '',
    kind: section?.kind ?? 'checklist',
    targetProfile: section?.targetProfile ?? '',
    body: section?.body ?? '',
    position: String(section?.position ?? ''),
  };
  const action = section ? sectionPath(section.id) : `${kitSettingsPath}/nouvelle`;
  return (
    <Frame title={section ? `Modifier « ${section.title} »` : 'Nouvelle section du kit'}>
      <ErrorSummary errors={errors} />
      <form method="post" action={action} class="stack-form" novalidate>
        <CsrfField />
        <TextInput name="title" label="Titre" value={v.title} errors={errors} required />
        <Select
          name="kind"
          label="Type de section"
          value={v.kind}
          errors={errors}
          options={sectionKinds.map((k) => ({ value: k, label: sectionKindLabels[k] }))}
        />
        <Select
          name="targetProfile"
          label="Pour quels foyers"
          value={v.targetProfile}
          errors={errors}
          options={[
            { value: '', label: 'Tous les foyers' },
            ...profiles.map((p) => ({ value: p.slug, label: `Profil « ${p.name} »` })),
          ]}
        />
        <Field
          name="body"
          label="Contenu"
          hint="Une ligne par étape ou par paragraphe. Pour des liens, une ligne par lien : « Libellé | https://adresse »."
          errors={errors}
        >
          {(describedBy, invalid) => (
            <textarea
              id="body"
              name="body"
              rows={10}
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            >
              {v.body}
            </textarea>
          )}
        </Field>
        <TextInput
          name="position"
          label="Ordre"
          hint="Les sections s’affichent de la plus petite à la plus grande valeur."
          value={v.position}
          errors={errors}
        />
        <div class="form-actions">
          <button class="button" type="submit">
            Enregistrer
          </button>
          <a href={kitSettingsPath}>Annuler</a>
        </div>
      </form>
      {section && (
        <form
          method="post"
          action={`${sectionPath(section.id)}/supprimer`}
          class="stack-form kit-settings__delete"
        >
          <CsrfField />
          <h2>Supprimer la section</h2>
          <p>Les kits déjà téléchargés ne changent pas ; les prochains n’auront plus cette section.</p>
          <button class="button button--danger" type="submit">
            Supprimer « {section.title} »
          </button>
        </form>
      )}
    </Frame>
  );
}
