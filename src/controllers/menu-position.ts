/** Space kept free between a popup and the viewport's edges, in px. */
export const VIEWPORT_MARGIN = 8;
/** The gap between the anchor and its popup, in px. */
export const ANCHOR_GAP = 4;

/** Where {@link placePopup} put a popup, for styling and tests. */
export interface Placement {
  /** `bottom`: under the anchor; `top`: flipped above it. */
  side: 'top' | 'bottom';
  /** `start`: its start edge on the anchor's start edge; `end`: end edges aligned instead. */
  align: 'start' | 'end';
}

/**
 * Keeps a popup (a menu) inside the viewport, next to its anchor, in both
 * writing directions. The popup is absolutely positioned in `anchor` (a
 * `position: relative` box, the host of a menu button). It opens from the
 * anchor's start edge below it; it is end-aligned when it would cross the
 * viewport's end edge there, flipped above the anchor when there is more room
 * there than below, pinned to the margin when neither edge fits, and never
 * taller or wider than the room it has (it scrolls instead).
 *
 * Deterministic and library-free: one measurement, inline styles; call again
 * on resize and scroll. Only the properties it sets are touched.
 */
export function placePopup(anchor: HTMLElement, popup: HTMLElement): Placement {
  const style = popup.style;
  const viewportWidth = document.documentElement.clientWidth;
  const viewportHeight = document.documentElement.clientHeight;
  const room = viewportWidth - 2 * VIEWPORT_MARGIN;
  // Reset to the natural size first, within the horizontal room there is.
  style.maxWidth = `min(24rem, ${room}px)`;
  style.minWidth = `min(max(100%, 16rem), ${room}px)`;
  style.maxHeight = '';
  style.top = style.bottom = style.left = style.right = '';

  const box = anchor.getBoundingClientRect();
  const width = popup.offsetWidth;
  const rtl = getComputedStyle(anchor).direction === 'rtl';
  const align = horizontal(box, width, viewportWidth, rtl);
  // Physical `left` for both directions: one coordinate system, no logical/physical mix.
  style.left = `${align.left - box.left}px`;
  style.right = 'auto';

  const natural = popup.scrollHeight + (popup.offsetHeight - popup.clientHeight);
  const below = viewportHeight - box.bottom - ANCHOR_GAP - VIEWPORT_MARGIN;
  const above = box.top - ANCHOR_GAP - VIEWPORT_MARGIN;
  const side = natural <= below || below >= above ? 'bottom' : 'top';
  const space = Math.max(side === 'bottom' ? below : above, 0);
  style.maxHeight = `min(70vh, 30rem, ${space}px)`;
  if (side === 'bottom') {
    style.top = `calc(100% + ${ANCHOR_GAP}px)`;
    style.bottom = 'auto';
  } else {
    style.top = 'auto';
    style.bottom = `calc(100% + ${ANCHOR_GAP}px)`;
  }
  return { side, align: align.align };
}

/** The popup's left edge in viewport coordinates, and which edge of the anchor it follows. */
function horizontal(
  box: DOMRect,
  width: number,
  viewportWidth: number,
  rtl: boolean,
): { left: number; align: Placement['align'] } {
  const fromLeft = box.left;
  const fromRight = box.right - width;
  const fits = (left: number) =>
    left >= VIEWPORT_MARGIN && left + width <= viewportWidth - VIEWPORT_MARGIN;
  const [start, end] = rtl ? [fromRight, fromLeft] : [fromLeft, fromRight];
  if (fits(start)) return { left: start, align: 'start' };
  if (fits(end)) return { left: end, align: 'end' };
  // Neither edge works (a narrow screen): as close to the start as the viewport allows.
  const max = viewportWidth - VIEWPORT_MARGIN - width;
  return { left: Math.max(VIEWPORT_MARGIN, Math.min(start, max)), align: 'start' };
}
