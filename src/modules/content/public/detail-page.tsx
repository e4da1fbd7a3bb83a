import { ResponsiveImage } from '../../../core/files/index.js';
import { Breadcrumbs, JsonLd, Notice, usePage } from '../../../core/views/index.js';
import { kindLabels as opportunityKindLabels, opportunityPath } from '../../opportunities/index.js';
import { MarkdownBody } from '../markdown/index.js';
import { kindBases } from '../paths.js';
import type { PublicContent } from '../queries.js';
import { kindLabels, themeName } from '../themes.js';
import { formatDay, isoDay, type TagNames } from './card.js';
import type { CommuneBox, Related } from './data.js';
import { listHref, tagListKind } from './filters.js';
import { articleJsonLd } from './meta.js';

export interface DetailView {
  content: PublicContent;
  bodyHtml: string;
  videoHtml: string | null;
  names: TagNames;
  related: Related | null;
  commune: CommuneBox | null;
}

function Tags({ c, names }: { c: PublicContent; names: TagNames }) {
  const kind = tagListKind(c.kind);
  const links = [
    ...c.profiles.map((p) => ({ href: listHref(kind, { profile: p }), label: names.profiles.get(p) ?? p })),
    ...c.themes.map((t) => ({ href: listHref(kind, { theme: t }), label: themeName(t) })),
    ...c.communeCodes.map((code) => ({
      href: listHref(kind, { commune: code }),
      label: names.communes.get(code) ?? code,
    })),
  ];
  if (!links.length) return null;
  return (
    <nav class="content-tags" aria-label="Voir d’autres contenus sur ces thèmes">
      <ul class="tags">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function RelatedSection({ related }: { related: Related }) {
  return (
    <section class="content-related" aria-labelledby="opportunites-titre">
      <h2 id="opportunites-titre">Des opportunités {related.basis}</h2>
      <ul class="content-related__list">
        {related.items.map((o) => (
          <li key={o.id}>
            <a href={opportunityPath(o)}>{o.title}</a>
            <span class="content-related__meta">
              {opportunityKindLabels[o.kind]}
              {o.communeName && ` · ${o.communeName}`}
              {o.demo && ' · Exemple fictif'}
            </span>
          </li>
        ))}
      </ul>
      <p>
        <a href={related.searchHref}>Voir toutes ces opportunités</a>
      </p>
    </section>
  );
}

function CommuneSection({ commune }: { commune: CommuneBox }) {
  return (
    <section class="content-commune" aria-labelledby="commune-titre">
      <h2 id="commune-titre">
        {commune.name}
        {commune.postalCodes.length > 0 && (
          <span class="content-commune__postal"> ({commune.postalCodes.join(', ')})</span>
        )}
      </h2>
      {commune.summary && <p>{commune.summary}</p>}
      <p>
        <a href={commune.href}>Voir la fiche de la commune {commune.name}</a>
      </p>
    </section>
  );
}

/** The public page of a story, a success story, a news item or a page. */
export function DetailPage({ view }: { view: DetailView }) {
  const page = usePage();
  const c = view.content;
  const listed = c.kind !== 'page' && c.kind !== 'event';
  return (
    <div class="container content-detail">
      <Breadcrumbs
        items={[
          { href: '/', label: 'Accueil' },
          ...(listed ? [{ href: kindBases[c.kind], label: kindLabels[c.kind].many }] : []),
          { label: c.title },
        ]}
      />
      <article class="content-article" aria-labelledby="contenu-titre">
        <header class="content-article__header">
          <p class="content-article__kind">{kindLabels[c.kind].one}</p>
          <h1 id="contenu-titre">{c.title}</h1>
          {c.summary && <p class="lead">{c.summary}</p>}
          {c.kind !== 'page' && (
            <p class="content-article__date">
              Publié le <time dateTime={isoDay(c.publishAt)}>{formatDay(c.publishAt)}</time>
            </p>
          )}
        </header>
        {c.demo && (
          <Notice kind="warning">
            <strong>Exemple fictif.</strong> Ce contenu a été écrit pour la démonstration de la plateforme :
            les personnes et les situations décrites n’existent pas.
          </Notice>
        )}
        {c.imageFileId && (
          <ResponsiveImage
            file={{ id: c.imageFileId, width: c.imageWidth, height: c.imageHeight }}
            alt={c.imageAlt ?? ''}
            class="content-article__image"
            sizes="(min-width: 48em) 46rem, 100vw"
            loading="eager"
          />
        )}
        {view.videoHtml && <MarkdownBody html={view.videoHtml} class="content-article__video" />}
        <MarkdownBody html={view.bodyHtml} class="prose" />
        <Tags c={c} names={view.names} />
      </article>
      {(view.commune || view.related) && (
        <aside class="content-detail__aside" aria-label="Autour de ce contenu">
          {view.commune && <CommuneSection commune={view.commune} />}
          {view.related && <RelatedSection related={view.related} />}
        </aside>
      )}
      <JsonLd data={articleJsonLd(c, { publicUrl: page.publicUrl, siteName: page.siteName })} />
    </div>
  );
}
