import { css } from 'lit';

/** The confirm dialog rendered by ConfirmDialogController (see templates/confirm-dialog.ts). */
export const dialogStyles = css`
  dialog {
    max-width: min(28rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 2.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--_font);
    box-shadow: 0 16px 48px rgb(0 0 0 / 0.25);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  /* Titles and messages quote names from server data: a 10 KB name wraps and
     is cut after a few lines instead of pushing the buttons off screen. */
  dialog h2,
  dialog p {
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 4;
    overflow: hidden;
  }
  dialog h2 {
    margin: 0 0 var(--_space);
    font-size: 1.125rem;
  }
  dialog p {
    margin: 0 0 calc(var(--_space) * 2);
    color: var(--_muted);
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space);
  }
`;
