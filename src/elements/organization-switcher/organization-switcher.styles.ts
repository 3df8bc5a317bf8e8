import { MembershipSwitcher } from '../shared/membership-switcher.js';

export const styles = MembershipSwitcher.styles;
