import { css } from 'lit';
import { feedbackStyles } from '../../internal/action-runner.js';
import { buttons, dialogStyles, tokens } from '../../internal/styles.js';

export const styles = [
  tokens,
  buttons,
  dialogStyles,
  feedbackStyles,
  css`
    :host {
      display: inline-block;
      vertical-align: middle;
    }
    .btn[aria-busy='true'] {
      cursor: progress;
    }
  `,
];
