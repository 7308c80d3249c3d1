/** What `scripts/build-image.mjs` needs, bundled by Vite so that it runs in plain Node. */
export { version as pyodideVersion } from 'pyodide';
export { imageKey, IMAGE_FILE, IMAGE_MANIFEST_FILE, type ImageManifest } from './image.ts';
export { makeNodeImage, NODE_IMAGE_FILE } from './nodeImage.ts';
