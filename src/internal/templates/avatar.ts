import { html, nothing } from 'lit';
import { safeImageSrc } from '../safe-url.js';

/** A stable hue for an id (FNV-1a), so a person or team keeps their colour everywhere. */
export function hueOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 360;
}

/** Up to two letters: the first of the first and last words (whole code points, not halves). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = Array.from(words[0])[0];
  const last = words.length > 1 ? Array.from(words[words.length - 1])[0] : '';
  return (first + last).toLocaleUpperCase();
}

export interface AvatarOptions {
  /** Seeds the background colour. */
  id: string;
  /** Gives the initials. */
  name: string;
  image?: string;
}

/**
 * A round avatar: initials on a colour derived from the id, covered by the
 * picture when there is one (a picture that fails to load reveals the
 * initials). Decorative: the name is always shown next to it. The hue is set
 * through the `style` property (CSSOM), which a strict `style-src` CSP allows
 * where a `style` attribute would be refused.
 */
export function avatar({ id, name, image }: AvatarOptions) {
  const src = safeImageSrc(image);
  return html`<span
    class="avatar"
    part="avatar"
    aria-hidden="true"
    .style=${`--_avatar-hue:${hueOf(id)}`}
    >${initialsOf(name)}${
      src
        ? html`<img
            src=${src}
            alt=""
            loading="lazy"
            referrerpolicy="no-referrer"
            @error=${hideBrokenImage}
          />`
        : nothing
    }</span
  >`;
}

function hideBrokenImage(event: Event): void {
  (event.currentTarget as HTMLImageElement).hidden = true;
}
