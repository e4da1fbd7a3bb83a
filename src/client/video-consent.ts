/**
 * Click-to-load videos: a content body shows a video as a link to the host's page plus a button (hidden
 * without this script, where it could do nothing). Only the click loads the player, from the host's
 * privacy-enhanced address, so a page never contacts YouTube, Vimeo or Dailymotion on its own. The allowed
 * hosts match the CSP's frame-src (core/http/security.ts); anything else is left as a link.
 */
const allowedHosts = ['www.youtube-nocookie.com', 'player.vimeo.com', 'www.dailymotion.com'];

function playerUrl(figure: HTMLElement): URL | null {
  try {
    const url = new URL(figure.dataset.videoEmbed ?? '');
    if (url.protocol !== 'https:' || !allowedHosts.includes(url.hostname)) return null;
    // The visitor asked for the video: start it, rather than make them click a second time.
    url.searchParams.set('autoplay', '1');
    return url;
  } catch {
    return null;
  }
}

function enhance(figure: HTMLElement): void {
  const button = figure.querySelector<HTMLButtonElement>('[data-video-load]');
  const frame = figure.querySelector<HTMLElement>('.content-video__frame');
  const url = playerUrl(figure);
  if (!button || !frame || !url) return;
  button.hidden = false;
  button.addEventListener('click', () => {
    const iframe = document.createElement('iframe');
    iframe.src = url.href;
    iframe.title = figure.dataset.videoTitle || 'Vidéo';
    iframe.className = 'content-video__player';
    iframe.allow = 'autoplay; fullscreen; picture-in-picture; encrypted-media';
    iframe.allowFullscreen = true;
    // The players refuse to play without knowing the embedding site; the origin is all they get.
    iframe.referrerPolicy = 'strict-origin-when-cross-origin';
    frame.replaceChildren(iframe);
    frame.classList.add('content-video__frame--loaded');
    iframe.focus();
  });
}

for (const figure of document.querySelectorAll<HTMLElement>('figure[data-video-embed]')) enhance(figure);

// A module, so its names stay its own.
export {};
