import { feedbackStyles } from '../../internal/action-runner.js';
import { menuStyles } from '../../internal/menu.styles.js';
import { buttons, tokens } from '../../internal/styles.js';

export const styles = [tokens, buttons, menuStyles, feedbackStyles];
