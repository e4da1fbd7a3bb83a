/**
 * One media service for every module's uploads (issue 5 builds it for portrait photos; issue 6's content
 * images use the same): a storage interface with a local-folder driver, image checks by their bytes, resized
 * variants made on demand and served at /fichiers/<id>/<width>.<webp|jpg>, and a responsive <picture>.
 */
export {
  maxImagePixels,
  originalKey,
  type StoredFile,
  type StoreImageInput,
  type StoreImageResult,
  storeImage,
  type VariantFormat,
  type VariantWidth,
  variantFormats,
  variantKey,
  variantOf,
  variantPrefix,
  variantWidths,
} from './images.js';
export { type ImageFile, imageUrl, ResponsiveImage, srcSet } from './responsive-image.js';
export { fileRoutes } from './routes.js';
export { type S3Settings, S3Storage, signV4 } from './s3.js';
export { storedFiles } from './schema.js';
export { deleteStoredFile, findStoredFile } from './service.js';
export { createStorage, LocalStorage, type Storage, type StorageConfig } from './storage.js';
