/**
 * A module loaded with `import()` on first need and kept for the page:
 * `loaded` is there once it arrived, `load()` shares one request, and a
 * failed load is forgotten so the next `load()` asks again (a browser may
 * still answer from its memory of the failure).
 */
export interface Lazy<M> {
  readonly loaded: M | undefined;
  load(): Promise<M>;
}

export function lazy<M>(importer: () => Promise<M>): Lazy<M> {
  let loading: Promise<M> | undefined;
  const module: { loaded: M | undefined; load(): Promise<M> } = {
    loaded: undefined,
    load() {
      loading ??= importer().then(
        (value) => (module.loaded = value),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
  return module;
}
