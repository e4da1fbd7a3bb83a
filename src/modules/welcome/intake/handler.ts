import type { FastifyRequest } from 'fastify';
import type { JSX } from 'preact';
import type { AppContext } from '../../../core/context.js';
import type { FieldErrors } from '../../../core/http/index.js';
import type { NewcomerFile } from '../files.js';
import type { Body, FormValues } from './parse.js';
import type { FileChanges } from './store.js';

/** What a step's page is shown with: the file, the form values (saved, or as typed) and its errors. */
export interface StepViewProps<D> {
  file: NewcomerFile | null;
  data: D;
  values: FormValues;
  errors: FieldErrors | null;
}

export type StepOutcome =
  | {
      ok: true;
      changes: FileChanges /** Writes beyond the file row (members, consents). */;
      also?: () => Promise<void>;
    }
  | { ok: false; errors: FieldErrors };

/**
 * One page of the intake: what it loads, the values of what was saved, the page, and the validation of a
 * submission (which never writes when there is an error, so nothing saved is lost).
 */
export interface StepHandler<D = unknown> {
  load(ctx: AppContext, file: NewcomerFile | null): Promise<D>;
  values(file: NewcomerFile | null, data: D): FormValues;
  View(props: StepViewProps<D>): JSX.Element;
  parse(
    ctx: AppContext,
    body: Body,
    data: D,
    file: NewcomerFile | null,
    request: FastifyRequest,
  ): Promise<StepOutcome>;
}

/** A submitted body as form values to show again (strings and lists, never the CSRF token). */
export function formValuesOf(body: Body): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    if (typeof value === 'string') values[key] = value.trim();
    else if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === 'string');
  }
  return values;
}

export const noData = async () => undefined;
