/**
 * A value that one `astro build` shares between our integration and the code Astro loads in its
 * own module graphs (the content loaders, bundled with the pages): the two get different copies
 * of our modules, so they meet on globalThis, under `Symbol.for(key)`. Imports nothing.
 */
export function createBuildSlot<T>(key: string): { set(value: T | undefined): void; get(): T | undefined } {
  const symbol = Symbol.for(key);
  const slots = globalThis as typeof globalThis & { [symbol]?: T };
  return {
    set: (value) => {
      slots[symbol] = value;
    },
    get: () => slots[symbol],
  };
}
