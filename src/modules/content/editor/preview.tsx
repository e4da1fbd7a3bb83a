/** « Aperçu — non publié »: a content (saved, or as posted) with the public look, clearly marked. */
import { ResponsiveImage } from '../../../core/files/index.js';
import { Notice } from '../../../core/views/index.js';
import { MarkdownBody, type MarkdownImage, renderMarkdown } from '../markdown/index.js';
import { adminPaths } from '../paths.js';
import type { ContentKind } from '../schema.js';
import { kindLabels } from '../themes.js';

export interface PreviewView {
  kind: ContentKind;
  contentId: string | null;
  title: string;
  summary: string;
  body: string;
  lead: { id: string; alt: string; width: number | null; height: number | null } | null;
  /** A posted form: what is shown is not saved. */
  unsaved: boolean;
  /** An image was chosen in the posted form: it shows only once saved. */
  pendingUpload?: boolean;
}

/** The HTML of the body, rendered by the one safe renderer (also used to pick the page's scripts). */
export const previewHtml = (body: string, images: Map<string, MarkdownImage>) => renderMarkdown(body, images);

export function PreviewPage({ view, html }: { view: PreviewView; html: string }) {
  return (
    <div class="content-preview">
      <div class="content-preview__banner container" role="note" aria-label="Aperçu">
        <p class="content-preview__mark">Aperçu — non publié</p>
        {view.unsaved ? (
          <p>
            Ce que vous voyez n’est pas enregistré : revenez au formulaire avec le bouton « Retour » de votre
            navigateur pour continuer, puis enregistrez.
          </p>
        ) : (
          <p>Version enregistrée.</p>
        )}
        {view.contentId && <a href={adminPaths.edit(view.contentId)}>Revenir au formulaire</a>}
      </div>
      <article class="container content-detail">
        <p class="content-detail__kind">{kindLabels[view.kind].one}</p>
        <h1>{view.title || 'Sans titre'}</h1>
        {view.summary && <p class="content-detail__summary">{view.summary}</p>}
        {view.lead && (
          <ResponsiveImage
            file={view.lead}
            alt={view.lead.alt}
            sizes="(min-width: 50em) 48rem, 100vw"
            loading="eager"
          />
        )}
        {view.pendingUpload && (
          <Notice>Une image envoyée dans le formulaire n’apparaît qu’après l’enregistrement.</Notice>
        )}
        <MarkdownBody html={html} />
      </article>
    </div>
  );
}
