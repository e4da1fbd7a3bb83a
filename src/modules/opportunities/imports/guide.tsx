import { formatNumber } from '../../../core/views/index.js';
import { kindPluralLabels } from '../kinds.js';
import { type Column, type CsvKind, csvColumns, csvKindSlugs, csvKinds } from './csv/columns.js';
import { maxRows } from './csv/parse.js';
import { templatePath } from './views.js';

/** A template: the header row only (an example row would be imported by whoever forgets to delete it). */
export function templateCsv(kind: CsvKind): string {
  // A BOM and semicolons: what a French spreadsheet opens as columns without an import dialog.
  return `\uFEFF${csvColumns[kind].map((c) => c.header).join(';')}\r\n`;
}

function Allowed({ column, profiles }: { column: Column; profiles: { slug: string; name: string }[] }) {
  const spec = column.spec;
  switch (spec.type) {
    case 'text':
      return <>Texte, {formatNumber(spec.max)} caractères au plus.</>;
    case 'enum':
      return (
        <ul class="plain-list">
          {Object.entries(spec.options).map(([code, label]) => (
            <li key={code}>
              <code>{code}</code> : {label}
            </li>
          ))}
        </ul>
      );
    case 'integer':
      return (
        <>
          Nombre entier de {formatNumber(spec.min)} à {formatNumber(spec.max)}.
        </>
      );
    case 'number':
      return (
        <>
          Nombre de {formatNumber(spec.min)} à {formatNumber(spec.max)} ; virgule décimale et espaces
          acceptés.
        </>
      );
    case 'date':
      return <>Date au format JJ/MM/AAAA (ou AAAA-MM-JJ).</>;
    case 'boolean':
      return <>« oui » ou « non ».</>;
    case 'email':
      return <>Adresse e-mail.</>;
    case 'phone':
      return <>Numéro de téléphone (chiffres, espaces, +, points, tirets).</>;
    case 'url':
      return <>Adresse web commençant par https:// ou http://.</>;
    case 'commune':
      return <>Nom exact ou code INSEE d’une commune du territoire.</>;
    case 'profiles':
      return (
        <ul class="plain-list">
          {profiles.map((p) => (
            <li key={p.slug}>
              <code>{p.slug}</code> : {p.name}
            </li>
          ))}
        </ul>
      );
  }
}

/** The French column guide: every column of each kind, whether it is required, its values and an example. */
export function Guide({ profiles }: { profiles: { slug: string; name: string }[] }) {
  return (
    <>
      <div class="prose">
        <p>
          Un fichier par type d’opportunités, au format CSV encodé en UTF-8 (avec ou sans BOM), les colonnes
          séparées par des points-virgules ou des virgules. La première ligne donne les noms des colonnes
          ci-dessous, dans n’importe quel ordre ; les majuscules et les accents y sont ignorés. Les colonnes
          facultatives peuvent être omises. Un fichier compte {formatNumber(maxRows)} lignes au plus.
        </p>
        <p>
          Chaque ligne est vérifiée : une ligne en erreur est écartée et figure dans le rapport de l’import
          avec son numéro (celui du tableur : la ligne 1 est celle des noms de colonnes), la colonne en cause
          et le motif ; les autres lignes sont importées et publiées. La colonne <code>reference</code>{' '}
          identifie une ligne : importer de nouveau le même fichier, corrigé ou complété, met à jour les
          annonces existantes sans créer de doublon.
        </p>
      </div>
      <nav aria-label="Types de fichiers">
        <ul class="plain-list">
          {csvKinds.map((k) => (
            <li key={k}>
              <a href={`#${csvKindSlugs[k]}`}>{kindPluralLabels[k]}</a>
            </li>
          ))}
        </ul>
      </nav>
      {csvKinds.map((kind) => (
        <section key={kind} aria-labelledby={`${csvKindSlugs[kind]}`}>
          <h2 id={csvKindSlugs[kind]}>{kindPluralLabels[kind]}</h2>
          <p>
            <a href={templatePath(kind)} download>
              Télécharger le modèle « {kindPluralLabels[kind]} » (CSV)
            </a>
          </p>
          {kind === 'takeover' && (
            <p>
              Les colonnes <code>cedant_…</code> décrivent le cédant : elles sont enregistrées à part,
              lisibles seulement par le conseiller et votre organisation, et ne sont jamais publiées.
            </p>
          )}
          <div class="table-wrap">
            <table class="admin-table">
              <caption class="visually-hidden">Colonnes du fichier « {kindPluralLabels[kind]} »</caption>
              <thead>
                <tr>
                  <th scope="col">Colonne</th>
                  <th scope="col">Obligatoire</th>
                  <th scope="col">Contenu</th>
                  <th scope="col">Valeurs permises</th>
                  <th scope="col">Exemple</th>
                </tr>
              </thead>
              <tbody>
                {csvColumns[kind].map((column) => (
                  <tr key={column.header}>
                    <th scope="row">
                      <code>{column.header}</code>
                    </th>
                    <td>{column.required ? 'Oui' : 'Non'}</td>
                    <td>{column.help}</td>
                    <td>
                      <Allowed column={column} profiles={profiles} />
                    </td>
                    <td>{column.example ? <code>{column.example}</code> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
