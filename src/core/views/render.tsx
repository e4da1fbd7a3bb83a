import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { type PageContext, PageContextValue } from './context.js';

/** Renders a page tree to a complete HTML document. Preact escapes every text and attribute value. */
export function renderDocument(context: PageContext, tree: VNode): string {
  return `<!doctype html>${render(<PageContextValue.Provider value={context}>{tree}</PageContextValue.Provider>)}`;
}
