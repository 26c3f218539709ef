/** Where OpenRouter and the Vercel AI Gateway read reasoning differently. */
export interface GatewayReasoningRules {
  /**
   * Read the plain `reasoning` field when a message or delta has no `reasoning_details` (Vercel). OpenRouter
   * always sends details next to it, so there the field is ignored.
   */
  readPlainReasoning: boolean;
  /** Keep reasoning parts of unknown formats whose text is empty (OpenRouter); Vercel drops them. */
  keepEmptyReasoning: boolean;
}
