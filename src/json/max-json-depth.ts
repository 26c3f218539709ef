/**
 * The deepest nesting of arrays and objects that fantasy-ts reads: the incremental parser, JSON repair and the
 * persistence readers stop there with a typed error. Real model outputs and stored conversations nest a few
 * dozen levels at most; 1,000 stays far above them and far below the depth where recursive consumers
 * (`JSON.stringify`, `structuredClone`, schema validators) overflow the stack.
 */
export const maxJsonDepth = 1000;
