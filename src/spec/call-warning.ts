import type { Tool } from './tool.js';

/** Something in the call that the provider ignored or changed; the call still went out. */
export interface CallWarning {
  type: 'unsupported-setting' | 'unsupported-tool' | 'other';
  /** The setting at fault, e.g. `topK`. */
  setting?: string;
  tool?: Tool;
  details?: string;
  message?: string;
}
