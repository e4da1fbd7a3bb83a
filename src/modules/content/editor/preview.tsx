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
  /** An image was chosen in the posted form: it shows only once saved. */
  pendingUpload?: boolean;
}

/** The HTML of the body, rendered by the one safe renderer (also used to pick the page's scripts). */
export const previewHtml = (body: string, images: Map<string, MarkdownImage>) => renderMarkdown(body, images);

/** The saved version, alone on its page. */
export function PreviewPage({ view, html }: { view: PreviewView; html: string }) {
  return (
    <div class="content-preview">
      <div class="content-preview__banner container" role="note" aria-label="Aperçu">
        <p class="content-preview__mark">Aperçu — non publié</p>
        <p>Version enregistrée.</p>
        {view.contentId && <a href={adminPaths.edit(view.contentId)}>Revenir au formulaire</a>}
      </div>
      <PreviewArticle view={view} html={html} Heading="h1" />
    </div>
  );
}

/**
 * The form as posted, shown above the form itself (which keeps everything typed): the editor reads, scrolls
 * down, corrects and saves, with no Back button and nothing lost. The page's h1 is the form's, so the
 * content's title is an h2 here.
 */
export function PostedPreview({ view, html }: { view: PreviewView; html: string }) {
  return (
    <section class="content-preview content-preview--posted" aria-labelledby="apercu-titre">
      <div class="content-preview__banner" role="note" aria-label="Aperçu">
        <p class="content-preview__mark">Aperçu — non enregistré</p>
        <p>
          Voici votre saisie telle qu’elle sera publiée. Rien n’est encore enregistré : le formulaire, plus
          bas, garde tout ce que vous avez saisi. <a href="#formulaire">Aller au formulaire</a>
        </p>
      </div>
      <PreviewArticle view={view} html={html} Heading="h2" headingId="apercu-titre" />
    </section>
  );
}

function PreviewArticle({
  view,
  html,
  Heading,
  headingId,
}: {
  view: PreviewView;
  html: string;
  Heading: 'h1' | 'h2';
  headingId?: string;
}) {
  return (
    <article class="container content-detail">
      <p class="content-detail__kind">{kindLabels[view.kind].one}</p>
      <Heading id={headingId}>{view.title || 'Sans titre'}</Heading>
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
        <Notice>
          Une image choisie dans le formulaire n’apparaît qu’après l’enregistrement : choisissez-la de nouveau
          avant d’enregistrer.
        </Notice>
      )}
      <MarkdownBody html={html} />
    </article>
  );
}
