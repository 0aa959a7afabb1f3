import type { LifecycleParts } from "./create.js";

/** How often a reconciliation lists again while other creates of the same name are in flight. */
export const MAX_RELISTS = 20;

/**
 * The tokens named `name`, by id, through the vendor's name filter where it has one (kept to
 * exact matches), else from the whole list.
 *
 * @example const before = [...(await named(parts, "ci", signal)).keys()];
 */
export async function named<Raw>(parts: LifecycleParts<Raw>, name: string, signal: AbortSignal | undefined): Promise<Map<string, Raw>> {
  const { adapter } = parts;
  const options = signal ? { signal } : {};
  const found = new Map<string, Raw>();
  for await (const raw of adapter.listNamed ? adapter.listNamed(name, options) : adapter.list(options)) {
    const info = adapter.toInfo(raw);
    if (info.name === name) found.set(info.id, raw);
  }
  return found;
}

/** The ids of the tokens named `name`. */
export async function namedIds<Raw>(parts: LifecycleParts<Raw>, name: string, signal: AbortSignal | undefined): Promise<string[]> {
  return [...(await named(parts, name, signal)).keys()];
}
