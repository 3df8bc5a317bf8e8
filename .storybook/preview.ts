import {
  type Decorator,
  type Preview,
  setCustomElementsManifest,
} from '@storybook/web-components-vite';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import manifest from '../custom-elements.json';
import '../src/define.js';
import { SESSION_EVENTS } from '../src/events.js';

/**
 * Docs pages read custom-elements.json: attributes, properties, events, slots,
 * parts and CSS properties of every tag. Two adjustments for the docs tables:
 * only the public API is listed (not protected or private members), and the
 * default slot (named "") gets a name Storybook does not skip.
 */
interface Named {
  name: string;
}
interface Declaration {
  tagName?: string;
  members?: (Named & { privacy?: string; static?: boolean })[];
  attributes?: Named[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

function publicApi<M extends { modules: { declarations?: Declaration[] }[] }>(source: M): M {
  const copy = structuredClone(source);
  for (const declaration of copy.modules.flatMap((module) => module.declarations ?? [])) {
    if (!declaration.tagName) continue;
    declaration.members = declaration.members?.filter(
      (member) => (member.privacy ?? 'public') === 'public' && !member.static,
    );
    // Storybook keys its table by name: a slot named like a part (active-sessions' `reauth`)
    // would vanish under it.
    const taken = new Set(
      [
        ...(declaration.members ?? []),
        ...(declaration.attributes ?? []),
        ...(declaration.events ?? []),
        ...(declaration.cssParts ?? []),
        ...(declaration.cssProperties ?? []),
      ].map((item) => item.name),
    );
    for (const slot of declaration.slots ?? []) {
      slot.name = !slot.name
        ? '(default)'
        : taken.has(slot.name)
          ? `${slot.name} (slot)`
          : slot.name;
    }
  }
  return copy;
}

setCustomElementsManifest(publicApi(manifest as { modules: { declarations?: Declaration[] }[] }));

/**
 * The elements read `--session-color-scheme: light | dark`; the toolbar (or a
 * story's `globals: { scheme }`) sets it on a frame painted in the same scheme.
 */
const withScheme: Decorator = (story, { globals }) => {
  const scheme = globals.scheme === 'dark' ? 'dark' : 'light';
  return html`<div
    class="story-frame"
    data-scheme=${scheme}
    style="--session-color-scheme: ${scheme}; color-scheme: ${scheme}; background: light-dark(#ffffff, #0f1216); color: light-dark(#1b1f24, #e6e8eb); padding: 1.5rem; font-family: system-ui, sans-serif;"
  >
    ${story()}
  </div>`;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withScheme, withActions],
  globalTypes: {
    scheme: {
      description: 'Colour scheme of the elements (--session-color-scheme)',
      toolbar: {
        title: 'Scheme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { scheme: 'light' },
  parameters: {
    layout: 'fullscreen',
    // Every event of the kit, shown in the Actions panel as it bubbles out of the story.
    actions: { handles: [...SESSION_EVENTS] },
    controls: { expanded: true },
  },
};

export default preview;
