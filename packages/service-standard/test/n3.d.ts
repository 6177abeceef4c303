// Minimal typings of the parts of n3 the tests use (n3 ships no declarations,
// and @types/n3 is not worth a dependency for two calls).
// eslint-disable-next-line no-restricted-syntax -- an ambient module declaration, not a namespace
declare module 'n3' {
  import type { DatasetCore, Quad } from '@rdfjs/types';
  export class Parser {
    constructor(options?: { format?: string });
    parse(input: string): Quad[];
  }
  export class Store implements DatasetCore {
    constructor(quads?: Quad[]);
    readonly size: number;
    add(quad: Quad): this;
    delete(quad: Quad): this;
    has(quad: Quad): boolean;
    match(...args: unknown[]): DatasetCore;
    [Symbol.iterator](): Iterator<Quad>;
  }
}
