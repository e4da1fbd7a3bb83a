/**
 * Safe Markdown for editorial content. The one renderer of content bodies: no raw HTML passes, links go through
 * `safeUrl`, images are `![alt](image:<fileId>)` resolved to responsive pictures, a video link alone on its line
 * becomes a click-to-load placeholder (no third-party request before the click).
 */
export { MarkdownBody, markdownScripts } from './markdown-body.js';
export { hasVideo, type MarkdownImage, renderMarkdown, slugify } from './render.js';
export { safeUrl } from './safe-url.js';
export { parseVideoUrl, type VideoLink, videoEmbedOrigins } from './video.js';
