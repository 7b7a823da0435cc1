/**
 * WebM and MP4 in the page: the animation's frames encoded by the browser's own WebCodecs VideoEncoder and muxed by
 * mediabunny, with the caption, the alt text and the moment as metadata tags (WebM: a SimpleTag named
 * TOKENSCOPE_MOMENT; MP4: an item "tksm"), which shared/export/animation/video-moment.ts reads back. Which codec a
 * container gets depends on the browser: the first of its candidates the encoder says it supports at this size.
 */
import { BufferTarget, canEncodeVideo, Mp4OutputFormat, Output, VideoSample, VideoSampleSource, WebMOutputFormat, type VideoCodec } from 'mediabunny';
import type { AnimationEncoder, AnimationEncoderFactory, AnimationEncoderInit } from '../../../shared/export/animation/export-animation.ts';
import { MP4_MOMENT_ATOM, WEBM_MOMENT_TAG } from '../../../shared/export/animation/video-moment.ts';
import { videoBitrate } from './video-bitrate.ts';

export type VideoFormat = 'webm' | 'mp4';

/** Codecs each container may carry, best first: VP9 and AV1 play in every browser; H.264 is what an MP4 is expected to hold. */
const CANDIDATES: Record<VideoFormat, readonly VideoCodec[]> = { webm: ['vp9', 'vp8', 'av1'], mp4: ['avc', 'av1', 'vp9'] };

export const CODEC_NAMES: Record<string, string> = { vp9: 'VP9', vp8: 'VP8', av1: 'AV1', avc: 'H.264' };

/** The codec this browser would use for the container at this size, or undefined when it can encode none of them. */
export async function videoCodecFor(format: VideoFormat, width: number, height: number, fps: number): Promise<VideoCodec | undefined> {
  if (typeof VideoEncoder === 'undefined') return undefined;
  for (const codec of CANDIDATES[format]) {
    if (await canEncodeVideo(codec, { width, height, bitrate: videoBitrate(width, height, fps) }).catch(() => false)) return codec;
  }
  return undefined;
}

function createVideoEncoder(format: VideoFormat) {
  return async (init: AnimationEncoderInit): Promise<AnimationEncoder> => {
    const codec = await videoCodecFor(format, init.width, init.height, init.fps);
    if (!codec) throw new Error(`this browser cannot encode ${format === 'webm' ? 'WebM' : 'MP4'} video at ${init.width} × ${init.height}; choose GIF or APNG`);
    const target = new BufferTarget();
    const output = new Output({ format: format === 'webm' ? new WebMOutputFormat() : new Mp4OutputFormat(), target });
    const source = new VideoSampleSource({ codec, bitrate: videoBitrate(init.width, init.height, init.fps), keyFrameInterval: 2 });
    output.addVideoTrack(source, { frameRate: init.fps });
    output.setMetadataTags({ title: init.text.caption, description: init.text.altText, raw: { [format === 'webm' ? WEBM_MOMENT_TAG : MP4_MOMENT_ATOM]: init.momentJson } });
    await output.start();
    let timestampCs = 0;
    return {
      async addFrame(frame, delayCs) {
        const sample = new VideoSample(frame.data, { format: 'RGBA', codedWidth: frame.width, codedHeight: frame.height, timestamp: timestampCs / 100, duration: delayCs / 100 });
        try {
          await source.add(sample);
        } finally {
          sample.close();
        }
        timestampCs += delayCs;
      },
      async finish() {
        await output.finalize();
        if (!target.buffer) throw new Error('the video encoder produced no file');
        return new Uint8Array(target.buffer);
      },
    };
  };
}

export const pageVideoEncoders: Record<VideoFormat, AnimationEncoderFactory> = { webm: createVideoEncoder('webm'), mp4: createVideoEncoder('mp4') };
