/**
 * Share link: adds a "Copier le lien" button beside the read-only address field of an opportunity page.
 * Without this script the field can still be selected and copied by hand; a polite live region says
 * whether the copy worked.
 */
function enhance(section: HTMLElement): void {
  const field = section.querySelector<HTMLInputElement>('input[readonly]');
  if (!field || section.querySelector('[data-share-copy]')) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button--secondary opportunity-share__copy';
  button.textContent = 'Copier le lien';
  button.setAttribute('data-share-copy', '');
  const status = document.createElement('p');
  status.className = 'opportunity-share__status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  field.after(button, status);

  field.addEventListener('focus', () => field.select());
  button.addEventListener('click', async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(field.value);
      status.textContent = 'Lien copié.';
    } catch {
      field.focus();
      field.select();
      status.textContent =
        'Copie impossible ici : le lien est sélectionné, copiez-le avec Ctrl+C (ou Cmd+C).';
    }
  });
}

for (const section of document.querySelectorAll<HTMLElement>('[data-share]')) enhance(section);

// A module, so its names stay its own.
export {};
