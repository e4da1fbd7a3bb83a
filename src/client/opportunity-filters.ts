/**
 * Opportunity search: applies a filter as soon as a checkbox or a list changes, without reloading the page.
 * The new results page is fetched and its search area swapped in; focus stays on the control just used, the
 * address follows (back and forward work), and a polite live region says the new count. Without this script
 * (or if the fetch fails) the form's submit button does the same by a plain GET.
 */

const layoutSelector = '.search-layout';

function urlOf(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    // Empty fields and the default order say nothing: the address stays as short as the server's links.
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (name === 'tri' && value === 'pertinence') continue;
    params.append(name, value);
  }
  const query = params.toString();
  return query ? `${form.action.split('?')[0]}?${query}` : form.action.split('?')[0];
}

function enhance(form: HTMLFormElement): void {
  const status = document.createElement('div');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  document.body.append(status);
  let pending: AbortController | null = null;

  async function load(url: string, options: { push: boolean; focusResults: boolean }) {
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    const current = document.querySelector<HTMLElement>(layoutSelector);
    current?.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(url, {
        headers: { accept: 'text/html' },
        credentials: 'same-origin',
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(String(response.status));
      const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
      const next = doc.querySelector<HTMLElement>(layoutSelector);
      if (!next || !current) throw new Error('no search area');
      const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
      // Collapsible groups the visitor opened stay open.
      const opened = [...current.querySelectorAll('details')].map((d) => d.open);
      current.replaceWith(next);
      next.querySelectorAll('details').forEach((d, i) => {
        if (opened[i]) d.open = true;
      });
      document.title = doc.title;
      if (options.push) history.pushState({ search: true }, '', url);
      const heading = next.querySelector<HTMLElement>('#resultats-titre');
      status.textContent = heading?.textContent?.trim() ?? '';
      const form = next.querySelector<HTMLFormElement>('form.search-filters');
      if (form) enhanceForm(form);
      if (options.focusResults && heading) {
        heading.tabIndex = -1;
        heading.focus();
      } else if (focusedId) {
        document.getElementById(focusedId)?.focus();
      }
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      window.location.assign(url);
    } finally {
      if (pending === controller) pending = null;
    }
  }

  function enhanceForm(target: HTMLFormElement) {
    target.addEventListener('change', (event) => {
      const field = event.target;
      // Typing in the text field waits for the visitor's Enter or the button.
      if (field instanceof HTMLInputElement && field.type === 'search') return;
      void load(urlOf(target), { push: true, focusResults: false });
    });
    target.addEventListener('submit', (event) => {
      event.preventDefault();
      void load(urlOf(target), { push: true, focusResults: true });
    });
  }

  enhanceForm(form);
  window.addEventListener('popstate', () => {
    void load(window.location.href, { push: false, focusResults: false });
  });
}

const form = document.querySelector<HTMLFormElement>('form.search-filters');
if (form && 'fetch' in window && 'DOMParser' in window) enhance(form);

// A module of its own: its names never meet another script's.
export {};
