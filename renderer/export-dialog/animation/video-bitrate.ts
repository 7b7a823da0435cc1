/** The video's bit rate, apart from the encoders so that the size estimate does not load them. */

/**
 * Bits a second for a figure of flat colours and sharp text: a tenth of a bit per pixel per frame, between 0.5 and
 * 8 Mbit/s, which keeps 11 px labels legible; the size estimate before export uses the same figure.
 */
export function videoBitrate(width: number, height: number, fps: number): number {
  return Math.round(Math.min(8_000_000, Math.max(500_000, width * height * fps * 0.1)));
}
