/**
 * Which video containers this browser can fill, and with which codec: asked of its WebCodecs encoder once the
 * animation is chosen (the video code loads then, not with the dialog). Electron's Chromium and a browser's may
 * differ, so the dialog offers only what this one can do.
 */
import { useEffect, useState } from 'react';
import type { VideoFormat } from './video-encoders.ts';

/** A codec's name ("VP9"), null when the browser can encode none for the container, undefined while asking. */
export type VideoCodecs = Record<VideoFormat, string | null | undefined>;

export function useVideoCodecs(asked: boolean, size: { widthPx: number; heightPx: number }, fps: number): VideoCodecs {
  const [codecs, setCodecs] = useState<VideoCodecs>({ webm: undefined, mp4: undefined });
  const { widthPx, heightPx } = size;
  useEffect(() => {
    if (!asked) return;
    let current = true;
    void import('./video-encoders.ts').then(async ({ videoCodecFor, CODEC_NAMES }) => {
      const name = async (format: VideoFormat) => {
        const codec = await videoCodecFor(format, widthPx, heightPx, fps).catch(() => undefined);
        return codec ? (CODEC_NAMES[codec] ?? codec) : null;
      };
      const [webm, mp4] = await Promise.all([name('webm'), name('mp4')]);
      if (current) setCodecs({ webm, mp4 });
    });
    return () => {
      current = false;
    };
  }, [asked, widthPx, heightPx, fps]);
  return codecs;
}
