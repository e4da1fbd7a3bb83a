import { type VariantFormat, variantWidths } from './images.js';

/** What a page needs of a stored file to show it (a StoredFile row fits). */
export interface ImageFile {
  id: string;
  width: number | null;
  height: number | null;
}

/** The URL of one variant (served by the files route). */
export const imageUrl = (id: string, width: number, ext: VariantFormat) => `/fichiers/${id}/${width}.${ext}`;

/**
 * The srcset of an image: every variant width below the original's, then one more that holds the original
 * size (variants are never enlarged, so it is described by the real width).
 */
export function srcSet(file: ImageFile, ext: VariantFormat): string {
  const real = file.width ?? variantWidths[variantWidths.length - 1];
  const entries: string[] = [];
  for (const width of variantWidths) {
    if (width < real) entries.push(`${imageUrl(file.id, width, ext)} ${width}w`);
    else {
      entries.push(`${imageUrl(file.id, width, ext)} ${real}w`);
      break;
    }
  }
  return entries.join(', ');
}

/** The default variant of an <img>: 640 wide, or less when the original is smaller. */
function fallbackWidth(file: ImageFile): number {
  return variantWidths.find((w) => w >= Math.min(file.width ?? 640, 640)) ?? 640;
}

/**
 * A responsive picture: WebP for browsers that take it, JPEG otherwise; width and height reserve its place
 * (no layout shift); lazy loaded. `alt` is required: pass "" for a decorative image.
 */
export function ResponsiveImage(props: {
  file: ImageFile;
  alt: string;
  sizes?: string;
  class?: string;
  loading?: 'lazy' | 'eager';
}) {
  const sizes = props.sizes ?? '(min-width: 40em) 20rem, 100vw';
  return (
    <picture>
      <source type="image/webp" srcset={srcSet(props.file, 'webp')} sizes={sizes} />
      <img
        src={imageUrl(props.file.id, fallbackWidth(props.file), 'jpg')}
        srcset={srcSet(props.file, 'jpg')}
        sizes={sizes}
        width={props.file.width ?? undefined}
        height={props.file.height ?? undefined}
        alt={props.alt}
        class={props.class}
        loading={props.loading ?? 'lazy'}
        decoding="async"
      />
    </picture>
  );
}
