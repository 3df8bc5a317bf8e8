/** A value of `<active-sessions flags>`: always draw flag emoji, never, or where they render. */
export type FlagMode = 'emoji' | 'none' | 'auto';

let rendersFlags: boolean | undefined;

/**
 * True when this browser draws a regional-indicator pair as one flag. Without
 * an emoji font that has flags (Windows, Linux without one) the pair stays two
 * letters or two boxes, each about as wide as the flag would be: a pair no
 * wider than one and a half of its halves is a flag. Measured once, with no
 * font loaded and nothing drawn; false where there is no canvas.
 */
export function flagsRender(): boolean {
  rendersFlags ??= measure();
  return rendersFlags;
}

function measure(): boolean {
  try {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return false;
    context.font = '32px sans-serif';
    const pair = context.measureText('\u{1F1FA}\u{1F1F3}').width;
    const half = context.measureText('\u{1F1FA}').width;
    return half > 0 && pair < half * 1.5;
  } catch {
    return false;
  }
}

/** Whether rows draw flags in `mode` (anything but `emoji` or `none` reads as `auto`). */
export function showsFlags(mode: string | undefined): boolean {
  if (mode === 'emoji') return true;
  if (mode === 'none') return false;
  return flagsRender();
}
