import { css } from 'lit';
import { buttons, tokens } from '../../internal/styles/base.js';
import { feedbackStyles } from '../../internal/styles/feedback.js';

export const styles = [
  tokens,
  buttons,
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
