/** Wire types of the Gemini API and Vertex AI `generateContent`: only the fields we read or write, lenient on input. */

/** One part of a content: text, a thought, inline bytes, a function call or a function response. */
export interface GooglePart {
  text?: string;
  /** True for a thought summary (reasoning) rather than answer text. */
  thought?: boolean;
  /** Opaque base64 that must be sent back on the same part in later turns. */
  thoughtSignature?: string;
  inlineData?: { mimeType: string; data: string };
  functionCall?: {
    id?: string;
    name: string;
    args?: Record<string, unknown>;
    /** Gemini 3 streamed arguments (`streamFunctionCallArguments`): pieces by JSON path. */
    partialArgs?: GooglePartialArg[];
    /** More pieces of this call follow. */
    willContinue?: boolean;
  };
  /** Code the model ran with the code execution tool. */
  executableCode?: { language?: string; code?: string; id?: string };
  /** The outcome of the code above. */
  codeExecutionResult?: { outcome?: string; output?: string; id?: string };
  functionResponse?: { id?: string; name: string; response: Record<string, unknown> };
}

/** One streamed piece of a function call's arguments. */
export interface GooglePartialArg {
  /** RFC 9535 path of the argument, e.g. `$.location.city`. */
  jsonPath?: string;
  stringValue?: string;
  numberValue?: number;
  boolValue?: boolean;
  nullValue?: string;
  /** More pieces of this path's string follow. */
  willContinue?: boolean;
}

/** A turn of the conversation. */
export interface GoogleContent {
  role: 'user' | 'model';
  parts: GooglePart[];
}

/** The system instruction; the genai SDK labels it `user`, and so do the recordings. */
export interface GoogleSystemInstruction {
  role: 'user';
  parts: Array<{ text: string }>;
}

/** A function declaration's parameters: Gemini's OpenAPI-style schema subset (uppercase types). */
export interface GeminiSchema {
  type?: 'STRING' | 'NUMBER' | 'INTEGER' | 'BOOLEAN' | 'ARRAY' | 'OBJECT' | 'NULL';
  format?: string;
  title?: string;
  description?: string;
  nullable?: boolean;
  enum?: string[];
  properties?: Record<string, GeminiSchema>;
  required?: string[];
  items?: GeminiSchema;
  anyOf?: GeminiSchema[];
  [keyword: string]: unknown;
}

/** A function the model may call. */
export interface GoogleFunctionDeclaration {
  name: string;
  description: string;
  parameters?: GeminiSchema;
}

/** Token counts; every field may be missing (Vertex sends `{trafficType}` alone on early chunks). */
export interface GoogleUsageMetadata {
  promptTokenCount?: number;
  candidatesTokenCount?: number;
  totalTokenCount?: number;
  thoughtsTokenCount?: number;
  cachedContentTokenCount?: number;
}

/** One candidate answer; we read the first. */
export interface GoogleCandidate {
  content?: { role?: string; parts?: GooglePart[] };
  finishReason?: string;
  safetyRatings?: unknown[];
  groundingMetadata?: GoogleGroundingMetadata;
  urlContextMetadata?: unknown;
}

/** What grounded an answer: search queries, the search entry point, and the chunks cited. */
export interface GoogleGroundingMetadata {
  webSearchQueries?: string[];
  searchEntryPoint?: { renderedContent?: string };
  groundingChunks?: Array<{
    web?: { uri?: string; title?: string };
    retrievedContext?: { uri?: string; title?: string; text?: string; fileSearchStore?: string };
    maps?: { uri?: string; title?: string; placeId?: string };
  }>;
  groundingSupports?: unknown[];
  [field: string]: unknown;
}

/** The body of a `generateContent` answer, and of each streamed event. */
export interface GoogleGenerateContentResponse {
  candidates?: GoogleCandidate[];
  usageMetadata?: GoogleUsageMetadata;
  promptFeedback?: { blockReason?: string; safetyRatings?: unknown[] };
  modelVersion?: string;
  responseId?: string;
  /** Present when a stream reports a failure in-band. */
  error?: GoogleErrorDetail;
}

/** Google's error object: `{error:{code,message,status}}`. */
export interface GoogleErrorDetail {
  code?: number;
  message?: string;
  /** The gRPC status name, e.g. `RESOURCE_EXHAUSTED`. */
  status?: string;
}
