/**
 * One MutationObserver for every element that follows `lang` and `dir`: it
 * watches the document and each shadow root that holds a watched element,
 * and on any change of either attribute asks each watcher to check itself
 * (a watcher compares its own language and direction, so it re-renders only
 * when they really changed).
 */

const OPTIONS: MutationObserverInit = {
  attributes: true,
  attributeFilter: ['lang', 'dir'],
  subtree: true,
};

const watchers = new Map<Element, () => void>();
let observer: MutationObserver | undefined;
let observed = new WeakSet<Node>();

function notify(): void {
  for (const check of [...watchers.values()]) check();
}

/** Observes the document and every shadow root between `element` and it. */
function observeRootsOf(element: Element, target: MutationObserver): void {
  let root: Node = element.getRootNode();
  for (;;) {
    const node = root instanceof Document ? root.documentElement : root;
    if (!observed.has(node)) {
      observed.add(node);
      target.observe(node, OPTIONS);
    }
    if (!(root instanceof ShadowRoot)) return;
    root = root.host.getRootNode();
  }
}

/**
 * Calls `check` after any `lang` or `dir` change on the page (on `element`,
 * its ancestors across shadow roots, or `<html>`); returns the function that
 * stops watching. Call again after `element` moves to another shadow root.
 */
export function watchLanguage(element: Element, check: () => void): () => void {
  observer ??= new MutationObserver(notify);
  observeRootsOf(element, observer);
  watchers.set(element, check);
  return () => {
    if (watchers.get(element) !== check) return;
    watchers.delete(element);
    if (watchers.size === 0 && observer) {
      observer.disconnect();
      observed = new WeakSet();
    }
  };
}
