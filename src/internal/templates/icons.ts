import { html, svg } from 'lit';
import type { DeviceKind } from '../device.js';

/**
 * Inline device icons (24×24, stroke in currentColor) so they follow the text
 * colour in light and dark. Decorative: the row's title names the device.
 */
const paths = {
  desktop: svg`<rect x="3" y="4" width="18" height="12" rx="1.5"></rect><path d="M8 20h8M12 16v4"></path>`,
  phone: svg`<rect x="7" y="2.5" width="10" height="19" rx="2"></rect><path d="M11 18.5h2"></path>`,
  tablet: svg`<rect x="4.5" y="2.5" width="15" height="19" rx="2"></rect><path d="M11 18.5h2"></path>`,
  unknown: svg`<circle cx="12" cy="12" r="9"></circle><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01"></path>`,
} satisfies Record<DeviceKind, unknown>;

/** The icon for a device kind; the outer <svg> is HTML, its shapes are SVG fragments. */
export function deviceIcon(kind: DeviceKind) {
  return html`<svg
    viewBox="0 0 24 24"
    width="24"
    height="24"
    fill="none"
    stroke="currentColor"
    stroke-width="1.6"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    ${paths[kind]}
  </svg>`;
}
