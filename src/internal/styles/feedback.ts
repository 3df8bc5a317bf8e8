import { css } from 'lit';

/** The live region rendered by the `feedback` template. */
export const feedbackStyles = css`
  .feedback {
    max-width: var(--session-trigger-max-width, 18rem);
  }
  .feedback .error {
    display: block;
    margin-top: calc(var(--_space) * 0.5);
    color: var(--_danger);
    font-size: 0.875em;
  }
`;
