import { hasVideo } from './render.js';

/**
 * A rendered content body. dangerouslySetInnerHTML is safe here, and only here, because `html` must come from
 * renderMarkdown: markdown-it with raw HTML off escapes every tag an editor types, every link passed safeUrl's
 * allow-list, and images only point at our own /fichiers/ variants. Never pass it anything else.
 */
export function MarkdownBody({ html, class: className }: { html: string; class?: string }) {
  return (
    <div
      class={className ? `content-body ${className}` : 'content-body'}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/** The client scripts a page showing this body needs: the click-to-load video player when it holds a video. */
export const markdownScripts = (html: string): string[] => (hasVideo(html) ? ['video-consent'] : []);
