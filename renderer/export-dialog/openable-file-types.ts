/**
 * The file types the drop target and the file picker take: scenarios, and the images and animations TokenScope exports. Apart from
 * open-exported-file.ts, which reads them, so the picker does not load the image readers with the app.
 */
export const OPENABLE_FILE_TYPES = '.png,.svg,.gif,.apng,.webm,.mp4,.yaml,.yml,image/png,image/svg+xml,image/gif,image/apng,video/webm,video/mp4';
