export { type ConversationFormat, InvalidConversationError } from '../errors/invalid-conversation-error.js';
export { fromFantasyJSON, toFantasyJSON } from './fantasy-messages.js';
export type { FantasyJSONOptions } from './fantasy-provider-data.js';
export { type FantasyProviderDataType, fantasyProviderDataTypes } from './fantasy-provider-data-types.js';
export { responseFromFantasyJSON, responseToFantasyJSON } from './fantasy-response.js';
export { messagesFromJSON, messagesToJSON, parseMessages, serializeMessages } from './serialize-messages.js';
export { parseResponse, responseFromJSON, responseToJSON, serializeResponse } from './serialize-response.js';
