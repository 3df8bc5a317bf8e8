import { buttons, tokens } from '../../internal/styles/base.js';
import { feedbackStyles } from '../../internal/styles/feedback.js';
import { menuStyles } from '../../internal/styles/menu.js';

export const styles = [tokens, buttons, menuStyles, feedbackStyles];
