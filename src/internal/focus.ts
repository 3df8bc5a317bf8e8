/** The focused element, looking inside shadow roots; null when nothing (or the body) has focus. */
export function deepActiveElement(): HTMLElement | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element instanceof HTMLElement && element !== document.body ? element : null;
}

/** True when focus is on `host` or anywhere inside it (its shadow root included). */
export function hasFocusWithin(host: HTMLElement): boolean {
  return host.matches(':focus-within');
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), [tabindex="0"]';

/** The first control a keyboard user could use in `root`'s light DOM, if any. */
export function firstFocusable(root: ParentNode | null | undefined): HTMLElement | null {
  return root?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
}

/**
 * Call after an action that may have removed the focused control (the last
 * account signed out, say): when focus fell to the body, the first candidate
 * that takes it gets it, else the host itself (focusable by script only, for
 * as long as it holds focus), so keyboard and screen-reader users stay where
 * they were instead of at the top of the page.
 */
export function restoreFocus(host: HTMLElement, candidates: (HTMLElement | null)[] = []): void {
  if (deepActiveElement()) return;
  for (const candidate of [...candidates, host]) {
    if (candidate?.isConnected && focusByScript(candidate)) return;
  }
}

/**
 * Focuses `element`; one that is not focusable is made so by script for as
 * long as it holds focus. False when it could not take focus (not rendered).
 */
function focusByScript(element: HTMLElement): boolean {
  element.focus();
  if (deepActiveElement() === element) return true;
  if (element.hasAttribute('tabindex')) return false;
  element.setAttribute('tabindex', '-1');
  element.focus();
  if (deepActiveElement() === element) {
    element.addEventListener('blur', () => element.removeAttribute('tabindex'), { once: true });
    return true;
  }
  element.removeAttribute('tabindex');
  return false;
}

type Updating = HTMLElement & { updateComplete?: Promise<unknown> };

/**
 * The app's signed-out content near `host`, once it shows: the first control
 * inside a `<signed-out>` of the same `<session-provider>` (or the document),
 * such as its "Sign in" link; else the first such region that shows anything
 * (its text is what the user reads next).
 */
export async function signedOutControl(host: HTMLElement): Promise<HTMLElement | null> {
  const scope: ParentNode = host.closest('session-provider') ?? document;
  const regions = [...scope.querySelectorAll<Updating>('signed-out')];
  // They render their content in the same update round as the host; wait for it.
  await Promise.all(regions.map((region) => region.updateComplete));
  for (const region of regions) {
    const control = firstFocusable(region);
    if (control) return control;
  }
  return regions.find((region) => region.checkVisibility()) ?? null;
}
