import type { DeviceKind } from '../device.js';

/**
 * Device icons as one SVG path each (24×24 view box, drawn with a round
 * stroke in currentColor so they follow the text colour in light and dark):
 * a row binds the `d` of a single `<path>`, so an icon costs two nodes.
 * Decorative: the row's title names the device.
 */
const paths = {
  desktop:
    'M4.5 4h15A1.5 1.5 0 0 1 21 5.5v9a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 14.5v-9A1.5 1.5 0 0 1 4.5 4zM8 20h8M12 16v4',
  phone: 'M9 2.5h6a2 2 0 0 1 2 2v15a2 2 0 0 1-2 2H9a2 2 0 0 1-2-2v-15a2 2 0 0 1 2-2zM11 18.5h2',
  tablet:
    'M6.5 2.5h11a2 2 0 0 1 2 2v15a2 2 0 0 1-2 2h-11a2 2 0 0 1-2-2v-15a2 2 0 0 1 2-2zM11 18.5h2',
  unknown:
    'M21 12a9 9 0 1 1-18 0a9 9 0 1 1 18 0zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01',
} satisfies Record<DeviceKind, string>;

/** The path data of the icon for a device kind. */
export function deviceIconPath(kind: DeviceKind): string {
  return paths[kind];
}
