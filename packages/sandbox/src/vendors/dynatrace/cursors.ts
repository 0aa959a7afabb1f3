import type { Field } from "./fields.js";
import type { DynatraceToken } from "./store.js";

/** A listing in progress: the result of the first request, walked page by page. */
export interface Listing {
  readonly tokens: readonly DynatraceToken[];
  readonly pageSize: number;
  readonly fields: ReadonlySet<Field>;
}

/** How many listings are kept for their cursors; older ones expire (400 on their cursor). */
const MAX_LISTINGS = 64;

/**
 * Dynatrace's `nextPageKey` cursors. The first request's result is kept (filtered and sorted
 * once) and a cursor names a listing and an offset, so each later page costs its page size,
 * not a new sort of the whole environment. The key is opaque base64 like the vendor's
 * (`AQAAADIBAAAAMg==`): a version byte, the listing number, the offset.
 *
 * @see specs/dynatrace.yaml, parameter nextPageKey
 * @example
 * const number = cursors.keep({ tokens, pageSize: 200, fields });
 * const nextPageKey = cursors.key(number, 200);
 */
export class PageCursors {
  readonly #listings = new Map<number, Listing>();
  #next = 1;

  /** Keeps a listing for its cursors and returns its number. */
  keep(listing: Listing): number {
    const number = this.#next++;
    this.#listings.set(number, listing);
    if (this.#listings.size > MAX_LISTINGS) {
      const oldest = this.#listings.keys().next().value;
      if (oldest !== undefined) this.#listings.delete(oldest);
    }
    return number;
  }

  /** The cursor of a listing's page at `offset`. */
  key(number: number, offset: number): string {
    const bytes = new Uint8Array(9);
    const view = new DataView(bytes.buffer);
    view.setUint8(0, 1);
    view.setUint32(1, number);
    view.setUint32(5, offset);
    return btoa(String.fromCharCode(...bytes));
  }

  /** The listing and offset a cursor names; `undefined` if it is malformed, unknown or expired. */
  resolve(key: string): { readonly listing: Listing; readonly number: number; readonly offset: number } | undefined {
    let binary: string;
    try {
      binary = atob(key);
    } catch {
      return undefined;
    }
    if (binary.length !== 9 || binary.charCodeAt(0) !== 1) return undefined;
    const view = new DataView(Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer);
    const number = view.getUint32(1);
    const offset = view.getUint32(5);
    const listing = this.#listings.get(number);
    if (!listing || offset >= listing.tokens.length) return undefined;
    return { listing, number, offset };
  }
}
