/**
 * TextEncoder, which every host of shared/ has (browsers, Web Workers, Node), declared here because shared/ compiles
 * without the DOM's or Node's types.
 */
declare class TextEncoder {
  /** UTF-8; a lone surrogate becomes U+FFFD. */
  encode(input?: string): Uint8Array;
}
