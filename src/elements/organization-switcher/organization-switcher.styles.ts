import { MembershipSwitcher } from '../../internal/membership-switcher.js';

export const styles = MembershipSwitcher.styles;
