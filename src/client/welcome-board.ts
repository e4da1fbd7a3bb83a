/**
 * The files board, enhanced: drag a card onto another column to move it. The drop only fills in the card's
 * own form (the stage list) and submits it, so the server decides exactly as without JavaScript (including
 * sending a move to a settled or closed stage to the file page). Keyboard users keep the list and button.
 */
const board = document.querySelector<HTMLElement>('[data-board]');

if (board) {
  let dragged: HTMLElement | null = null;

  for (const card of board.querySelectorAll<HTMLElement>('[data-file-id]')) {
    card.draggable = true;
    card.addEventListener('dragstart', (event) => {
      dragged = card;
      card.classList.add('board__card--dragging');
      event.dataTransfer?.setData('text/plain', card.dataset.fileId ?? '');
      if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    });
    card.addEventListener('dragend', () => {
      card.classList.remove('board__card--dragging');
      dragged = null;
      for (const c of board.querySelectorAll('.board__column--over'))
        c.classList.remove('board__column--over');
    });
  }

  for (const column of board.querySelectorAll<HTMLElement>('[data-stage-id]')) {
    column.addEventListener('dragover', (event) => {
      if (!dragged) return;
      event.preventDefault();
      column.classList.add('board__column--over');
    });
    column.addEventListener('dragleave', (event) => {
      if (!column.contains(event.relatedTarget as Node | null))
        column.classList.remove('board__column--over');
    });
    column.addEventListener('drop', (event) => {
      event.preventDefault();
      column.classList.remove('board__column--over');
      const card = dragged;
      const stageId = column.dataset.stageId;
      if (!card || !stageId || card.closest('[data-stage-id]') === column) return;
      const form = card.querySelector<HTMLFormElement>('form');
      const select = form?.querySelector<HTMLSelectElement>('select[name="stageId"]');
      if (!form || !select) return;
      select.value = stageId;
      card.classList.add('board__card--moving');
      form.requestSubmit();
    });
  }
}
