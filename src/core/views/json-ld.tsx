/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>`, `&`, U+2028 and U+2029 escaped, so no
 * text (a title with « </script> ») can close the element or open a comment; the JSON still parses to the
 * same values.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A schema.org description of the page for search engines (Article, Event, JobPosting…). */
export function JsonLd({ data }: { data: unknown }) {
  // scriptJson escapes everything that could end the element: the one place raw HTML is written here.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(data) }} />;
}
