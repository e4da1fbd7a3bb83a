import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../http/forms.js';
import { usePage } from './context.js';

/** Refuses javascript:, data: and every scheme but http(s), mailto and tel; relative links pass. */
export function safeUrl(url: string | null | undefined): string {
  if (!url) return '#';
  const trimmed = url.trim();
  if (/^(https?:|mailto:|tel:)/i.test(trimmed) || /^[/#?]/.test(trimmed)) return trimmed;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return '#';
}

export function Breadcrumbs({ items }: { items: { href?: string; label: string }[] }) {
  return (
    <nav class="breadcrumbs" aria-label="Fil d’Ariane">
      <ol>
        {items.map((item, i) => (
          <li key={i}>
            {item.href && i < items.length - 1 ? (
              <a href={item.href}>{item.label}</a>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The GOV.UK pattern: a summary at the top linking to each field in error. */
export function ErrorSummary({ errors }: { errors?: FieldErrors | null }) {
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">Le formulaire contient {plural(Object.keys(errors).length, 'erreur')}</h2>
      <ul>
        {Object.entries(errors).map(([field, message]) => (
          <li key={field}>{field === '_form' ? message : <a href={`#${field}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${formatNumber(n)} ${n > 1 ? pluralWord : word}`;
}

const numberFormat = new Intl.NumberFormat('fr-FR');
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

const calendarDayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
/** '2023-01-01' → '1er janvier 2023': a calendar day, no time zone involved; anything else is left as it is. */
export function formatCalendarDay(iso: string): string {
  const day = iso.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return iso;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : calendarDayFormat.format(date).replace(/^1 /, '1er ');
}

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});
export function formatDateTime(d: Date | string): string {
  return dateTimeFormat.format(new Date(d));
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors | null;
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}

/** A label, an optional hint, the error message for this field, then the control itself. */
export function Field({ name, label, hint, errors, children }: FieldProps) {
  const error = errors?.[name];
  const describedBy =
    [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={name}>{label}</label>
      {hint && (
        <p class="field__hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={`${name}-error`}>
          <span class="visually-hidden">Erreur : </span>
          {error}
        </p>
      )}
      {children(describedBy, Boolean(error))}
    </div>
  );
}

interface InputProps {
  name: string;
  label: string;
  type?: string;
  hint?: string;
  value?: string | null;
  errors?: FieldErrors | null;
  required?: boolean;
  autocomplete?: string;
}

export function TextInput({
  name,
  label,
  type = 'text',
  hint,
  value,
  errors,
  required,
  autocomplete,
}: InputProps) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <input
          id={name}
          name={name}
          type={type}
          value={value ?? ''}
          required={required}
          autocomplete={autocomplete}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        />
      )}
    </Field>
  );
}

export function Select({
  name,
  label,
  options,
  value,
  errors,
  hint,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | null;
  errors?: FieldErrors | null;
  hint?: string;
}) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <select
          id={name}
          name={name}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The hidden CSRF field every POST form carries. */
export function CsrfField() {
  const { csrfToken } = usePage();
  return csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null;
}

export function Pagination({
  page,
  pageCount,
  href,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pagination">
      <ul>
        {page > 1 && (
          <li>
            <a href={href(page - 1)} rel="prev">
              ← Page précédente
            </a>
          </li>
        )}
        <li>
          <span aria-current="page">
            Page {page} sur {pageCount}
          </span>
        </li>
        {page < pageCount && (
          <li>
            <a href={href(page + 1)} rel="next">
              Page suivante →
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function Notice({
  children,
  kind = 'info',
}: {
  children: ComponentChildren;
  kind?: 'info' | 'success' | 'warning';
}) {
  return (
    <div class={`notice notice--${kind}`} role={kind === 'success' ? 'status' : undefined}>
      {children}
    </div>
  );
}

/** The buttons closing a filter form: apply, and a link back to the unfiltered list. */
export function FilterActions({ resetHref }: { resetHref: string }) {
  return (
    <div class="filters__actions">
      <button class="button" type="submit">
        Filtrer
      </button>
      <a href={resetHref}>Effacer</a>
    </div>
  );
}
