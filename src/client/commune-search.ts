/**
 * Commune search: turns the plain GET search form's field into a combobox with suggestions (WAI-ARIA APG
 * "combobox with listbox popup"). Without this script the form still submits to the results page.
 * Keys: ↓/↑ move through the suggestions (the focus stays in the field), Enter opens the chosen commune,
 * Escape closes the list. A polite live region says how many communes are suggested.
 */
interface Suggestion {
  code: string;
  name: string;
  postalCodes: string[];
  epciName: string | null;
  url: string;
}

const minLength = 2;
const debounceMs = 150;

function enhance(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!input || input.getAttribute('role') === 'combobox') return;
  const baseId = input.id || 'commune-q';
  const listId = `${baseId}-suggestions`;

  const list = document.createElement('ul');
  list.id = listId;
  list.className = 'commune-search__list';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Communes suggérées');
  list.hidden = true;
  const status = document.createElement('div');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  (input.parentElement ?? form).append(list);
  form.append(status);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('autocomplete', 'off');

  let items: Suggestion[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;

  const options = () => Array.from(list.querySelectorAll<HTMLLIElement>('[role="option"]'));

  function close(): void {
    list.hidden = true;
    input!.setAttribute('aria-expanded', 'false');
    input!.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function open(): void {
    if (!items.length) return;
    list.hidden = false;
    input!.setAttribute('aria-expanded', 'true');
  }

  function setActive(index: number): void {
    const all = options();
    for (let i = 0; i < all.length; i++) all[i].setAttribute('aria-selected', i === index ? 'true' : 'false');
    active = index;
    if (index < 0 || !all[index]) {
      input!.removeAttribute('aria-activedescendant');
      return;
    }
    input!.setAttribute('aria-activedescendant', all[index].id);
    all[index].scrollIntoView({ block: 'nearest' });
  }

  function show(results: Suggestion[]): void {
    items = results;
    active = -1;
    list.replaceChildren(
      ...results.map((result, i) => {
        const option = document.createElement('li');
        option.id = `${listId}-${i}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        const name = document.createElement('span');
        name.className = 'commune-search__name';
        name.textContent = result.name;
        const meta = document.createElement('span');
        meta.className = 'commune-search__meta';
        meta.textContent = [result.postalCodes.join(', '), result.epciName].filter(Boolean).join(' · ');
        option.append(name, ' ', meta);
        option.addEventListener('mousedown', (event) => event.preventDefault());
        option.addEventListener('click', () => window.location.assign(result.url));
        return option;
      }),
    );
    input!.removeAttribute('aria-activedescendant');
    if (!results.length) {
      close();
      status.textContent = 'Aucune commune suggérée. Validez pour lancer la recherche.';
      return;
    }
    open();
    status.textContent =
      results.length === 1
        ? '1 commune suggérée. Flèche bas pour la choisir.'
        : `${results.length} communes suggérées. Flèches haut et bas pour les parcourir.`;
  }

  async function suggest(): Promise<void> {
    const q = input!.value.trim();
    controller?.abort();
    if (q.length < minLength) {
      items = [];
      close();
      return;
    }
    controller = new AbortController();
    try {
      const response = await fetch(`/api/communes/suggest?q=${encodeURIComponent(q)}`, {
        headers: { accept: 'application/json' },
        signal: controller.signal,
      });
      if (!response.ok) {
        items = [];
        close();
        return;
      }
      const data = (await response.json()) as { results: Suggestion[] };
      if (input!.value.trim() === q) show(data.results);
    } catch (error) {
      if ((error as Error).name !== 'AbortError') close();
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, debounceMs);
  });

  input.addEventListener('keydown', (event) => {
    const count = items.length;
    switch (event.key) {
      case 'ArrowDown':
        if (!count) return;
        event.preventDefault();
        if (list.hidden) open();
        setActive(active + 1 >= count ? 0 : active + 1);
        break;
      case 'ArrowUp':
        if (!count) return;
        event.preventDefault();
        if (list.hidden) open();
        setActive(active <= 0 ? count - 1 : active - 1);
        break;
      case 'Enter':
        if (!list.hidden && active >= 0 && items[active]) {
          event.preventDefault();
          window.location.assign(items[active].url);
        }
        break;
      case 'Escape':
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
        break;
      case 'Tab':
        close();
        break;
    }
  });

  input.addEventListener('blur', () => close());
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[action="/territoire/communes"]'))
  enhance(form);
