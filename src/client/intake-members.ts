/**
 * Intake « Votre foyer »: an « Ajouter un adulte » / « Ajouter un enfant » button under each list of rows.
 * Without this script the page already shows a fixed number of rows (and one more once they are all used),
 * so nothing depends on it. A clone of the last row is renumbered (names, ids, labels) and emptied.
 */
const rowPattern = /\b(adult|child)-(\d+)-/g;

function renumber(row: HTMLElement, n: number): void {
  for (const el of row.querySelectorAll<HTMLElement>('*')) {
    for (const attr of ['id', 'name', 'for', 'aria-describedby']) {
      const value = el.getAttribute(attr);
      if (value)
        el.setAttribute(
          attr,
          value.replace(rowPattern, (_m, kind) => `${kind}-${n}-`),
        );
    }
  }
  for (const el of row.querySelectorAll<HTMLElement>('legend, label')) {
    if (el.closest('.intake-choices') && el.tagName === 'LABEL') continue;
    el.textContent = (el.textContent ?? '').replace(/\d+/, String(n));
  }
}

function empty(row: HTMLElement): void {
  for (const input of row.querySelectorAll<HTMLInputElement>('input')) {
    if (input.type === 'radio' || input.type === 'checkbox') input.checked = false;
    else input.value = '';
    input.removeAttribute('aria-invalid');
  }
  for (const error of row.querySelectorAll('.field__error')) error.remove();
  for (const field of row.querySelectorAll('.field--error')) field.classList.remove('field--error');
  row.classList.remove('field--error');
}

function enhance(container: HTMLElement): void {
  const kind = container.dataset.intakeRows === 'child' ? 'child' : 'adult';
  const max = Number(container.dataset.intakeMax ?? '6');
  const rows = () => container.querySelectorAll<HTMLElement>('[data-intake-row]');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button--secondary intake-rows__add';
  button.textContent = kind === 'child' ? 'Ajouter un enfant' : 'Ajouter un adulte';
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  const update = () => {
    button.hidden = rows().length >= max;
  };
  button.addEventListener('click', () => {
    const all = rows();
    const last = all[all.length - 1];
    if (!last || all.length >= max) return;
    const clone = last.cloneNode(true) as HTMLElement;
    const n = all.length + 1;
    renumber(clone, n);
    empty(clone);
    last.after(clone);
    clone.querySelector<HTMLInputElement>('input[type="text"], input:not([type])')?.focus();
    status.textContent = kind === 'child' ? `Enfant ${n} ajouté.` : `Adulte ${n} ajouté.`;
    update();
  });
  container.append(button, status);
  update();
}

for (const container of document.querySelectorAll<HTMLElement>('[data-intake-rows]')) enhance(container);

export {};
