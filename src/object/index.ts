export { generateObject } from './generate-object.js';
export { generateObjectWithMode } from './generate-object-with-mode.js';
export type { ObjectOptions } from './object-call.js';
export { objectTool, type ResolvedObjectMode, resolveObjectMode } from './object-modes.js';
export { parseObjectText } from './parse-object-text.js';
export { type DeepPartial, type StreamObjectResult, streamObject } from './stream-object.js';
export { streamObjectParts } from './stream-object-parts.js';
export { streamObjectWithMode } from './stream-object-with-mode.js';
