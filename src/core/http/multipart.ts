import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/** An uploaded file as the multipart hook leaves it in the body. */
export interface Upload {
  filename: string;
  data: Buffer;
  /** The file went past the size limit and was cut: refuse it with a message at its field. */
  truncated: boolean;
}

export interface MultipartLimits {
  fileSize: number;
  files?: number;
  fields?: number;
  fieldSize?: number;
}

/**
 * Makes a scope (and only it) accept multipart/form-data. The whole form is read in preValidation
 * (attachFieldsToBody), files in memory up to `fileSize`; the global CSRF check runs later, at preHandler, and
 * finds the hidden _csrf field in request.body as in any urlencoded form: no token in the URL, no exception to
 * the CSRF rule. A file too large is truncated, never refused with a bare 413, so the route can say so in
 * French at its field. The root formbody parser still serves the scope's urlencoded forms.
 */
export async function acceptMultipart(scope: FastifyInstance, limits: MultipartLimits): Promise<void> {
  const files = limits.files ?? 1;
  const fields = limits.fields ?? 10;
  await scope.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: {
      fileSize: limits.fileSize,
      files,
      fields,
      parts: files + fields + 1,
      fieldSize: limits.fieldSize ?? 10_000,
    },
    async onFile(part: MultipartFile) {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      const upload: Upload = {
        filename: part.filename,
        data: Buffer.concat(chunks),
        truncated: part.file.truncated,
      };
      (part as unknown as { value: Upload }).value = upload;
    },
  });
}

/** The file posted in a field, or null when none was chosen (browsers send an empty part then). */
export function uploadIn(body: unknown, field: string): Upload | null {
  const value = (body as Record<string, unknown> | null | undefined)?.[field] as Upload | undefined;
  return value && typeof value === 'object' && Buffer.isBuffer(value.data) && value.data.length > 0
    ? value
    : null;
}
