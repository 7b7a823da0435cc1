/** The part of gifenc (1.0.3, untyped JavaScript) the GIF writer uses. */
declare module 'gifenc' {
  export type GifPalette = number[][];
  export interface GifEncoderStream {
    writeByte(byte: number): void;
    writeBytes(bytes: ArrayLike<number>, offset?: number, length?: number): void;
    /** The bytes written so far (a view: writing into it changes them). */
    bytesView(): Uint8Array;
  }
  export interface GifFrameOptions {
    palette?: GifPalette;
    delay?: number;
    repeat?: number;
    transparent?: boolean;
    transparentIndex?: number;
    dispose?: number;
  }
  export interface GifEncoderInstance {
    writeFrame(index: Uint8Array, width: number, height: number, options?: GifFrameOptions): void;
    finish(): void;
    bytes(): Uint8Array;
    readonly stream: GifEncoderStream;
  }
  export function GIFEncoder(options?: { initialCapacity?: number; auto?: boolean }): GifEncoderInstance;
  export function quantize(rgba: Uint8Array, maxColors: number, options?: { format?: 'rgb565' | 'rgb444' | 'rgba4444' }): GifPalette;
  export function applyPalette(rgba: Uint8Array, palette: GifPalette, format?: 'rgb565' | 'rgb444' | 'rgba4444'): Uint8Array;
  export function nearestColorIndex(palette: GifPalette, pixel: number[]): number;
  /** Under Node, importing the CommonJS build: its exports object (see gifenc-module.ts). */
  const commonJs: { GIFEncoder: typeof GIFEncoder; quantize: typeof quantize; applyPalette: typeof applyPalette; nearestColorIndex: typeof nearestColorIndex };
  export default commonJs;
}
