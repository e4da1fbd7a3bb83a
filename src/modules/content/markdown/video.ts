/** What a click-to-load video placeholder needs. */
export interface VideoLink {
  provider: string;
  watchUrl: string;
  /** The privacy-enhanced player (youtube-nocookie, Vimeo with dnt=1): only loaded after the visitor's click. */
  embedUrl: string;
  title: string;
}

/**
 * The hosts the players come from. core/http/security.ts allows exactly these in the CSP's frame-src: a new
 * provider needs both lists changed.
 */
export const videoEmbedOrigins = [
  'https://www.youtube-nocookie.com',
  'https://player.vimeo.com',
  'https://www.dailymotion.com',
] as const;

const youtubeId = /^[A-Za-z0-9_-]{11}$/;

/** `t=90`, `t=1m30s` or `t=1h2m3s` → seconds (0 when absent or malformed). */
function startSeconds(value: string | null): number {
  if (!value) return 0;
  if (/^\d+s?$/.test(value)) return Number.parseInt(value, 10);
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
  if (!match) return 0;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

function youtube(url: URL, host: string): VideoLink | null {
  let id: string | null = null;
  if (host === 'youtu.be') id = url.pathname.split('/')[1] ?? null;
  else if (['youtube.com', 'm.youtube.com', 'youtube-nocookie.com'].includes(host)) {
    const [, first, second] = url.pathname.split('/');
    if (first === 'watch') id = url.searchParams.get('v');
    else if (['shorts', 'embed', 'live'].includes(first ?? '')) id = second ?? null;
  } else return null;
  if (!id || !youtubeId.test(id)) return null;
  const start = startSeconds(url.searchParams.get('t') ?? url.searchParams.get('start'));
  return {
    provider: 'YouTube',
    watchUrl: `https://www.youtube.com/watch?v=${id}${start ? `&t=${start}s` : ''}`,
    embedUrl: `https://www.youtube-nocookie.com/embed/${id}${start ? `?start=${start}` : ''}`,
    title: 'Vidéo YouTube',
  };
}

function vimeo(url: URL, host: string): VideoLink | null {
  const parts = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  let hash: string | undefined;
  if (host === 'vimeo.com') [id, hash] = parts;
  else if (host === 'player.vimeo.com' && parts[0] === 'video') id = parts[1];
  else return null;
  if (!id || !/^\d{1,12}$/.test(id)) return null;
  // An unlisted video's link carries its privacy hash, in the path or as ?h=.
  hash = hash && /^[0-9a-f]{6,20}$/.test(hash) ? hash : (url.searchParams.get('h') ?? undefined);
  const h = hash && /^[0-9a-f]{6,20}$/.test(hash) ? hash : null;
  return {
    provider: 'Vimeo',
    watchUrl: `https://vimeo.com/${id}${h ? `/${h}` : ''}`,
    embedUrl: `https://player.vimeo.com/video/${id}?dnt=1${h ? `&h=${h}` : ''}`,
    title: 'Vidéo Vimeo',
  };
}

function dailymotion(url: URL, host: string): VideoLink | null {
  const parts = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  if (host === 'dai.ly') id = parts[0];
  else if (
    host === 'dailymotion.com' &&
    (parts[0] === 'video' || (parts[0] === 'embed' && parts[1] === 'video'))
  )
    id = parts[0] === 'video' ? parts[1] : parts[2];
  else return null;
  // Old links append the title to the id: /video/x7tgad0_le-lot-en-hiver.
  id = id?.split('_')[0];
  if (!id || !/^[a-zA-Z0-9]{5,12}$/.test(id)) return null;
  return {
    provider: 'Dailymotion',
    watchUrl: `https://www.dailymotion.com/video/${id}`,
    embedUrl: `https://www.dailymotion.com/embed/video/${id}`,
    title: 'Vidéo Dailymotion',
  };
}

/** A video link from YouTube, Vimeo or Dailymotion, or null (not a video, or another host: then a plain link). */
export function parseVideoUrl(raw: string): VideoLink | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  return youtube(url, host) ?? vimeo(url, host) ?? dailymotion(url, host);
}
