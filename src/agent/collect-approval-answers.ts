import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { Message, ToolApprovalRequestPart, ToolApprovalResponsePart } from '../spec/message.js';

/** A client approval request of the history and the human's answer to it, whose call has not run yet. */
export interface AnsweredApproval {
  request: ToolApprovalRequestPart;
  response: ToolApprovalResponsePart;
}

/**
 * Finds the answered approvals a run must act on first: client `tool-approval-request`s (assistant
 * messages) with a `tool-approval-response` (tool messages) and no `tool-result` for their call yet, in
 * request order. Provider-executed approvals are left to the provider. Throws `InvalidArgumentError` for
 * a request nobody answered (its call would reach the model without a result), an answer to no request,
 * two answers to one request, and answers sent together with a new prompt.
 */
export function collectApprovalAnswers(messages: readonly Message[], hasPrompt: boolean): AnsweredApproval[] {
  const { requests, responses, resultIds } = indexApprovalParts(messages);
  for (const response of responses.values()) {
    const request = requests.get(response.approvalId);
    if (request === undefined || request.toolCallId !== response.toolCallId) {
      throw approvalError(
        `the tool-approval-response ${response.approvalId} (tool call ${response.toolCallId}) answers no tool-approval-request of the messages`,
      );
    }
  }
  const answered: AnsweredApproval[] = [];
  for (const request of requests.values()) {
    if (resultIds.has(request.toolCallId)) continue;
    const response = responses.get(request.approvalId);
    if (response === undefined) throw unansweredError(request);
    answered.push({ request, response });
  }
  if (answered.length > 0 && hasPrompt) {
    throw approvalError(
      'approvals are answered in a call without a prompt (the results must follow their calls); send the new prompt in the next call',
    );
  }
  return answered;
}

/**
 * The approval requests of a stored history still waiting for an answer (no response and no result), in
 * order: what to show a human after loading a paused run's messages in another process.
 *
 * @example
 * const history = parseMessages(await readFile('run.json', 'utf8'));
 * const answers = pendingApprovalsOf(history).map((request) => approve(request));
 * await agent.generate({ messages: [...history, ...answers] });
 */
export function pendingApprovalsOf(messages: readonly Message[]): ToolApprovalRequestPart[] {
  const requests: ToolApprovalRequestPart[] = [];
  const answered = new Set<string>();
  for (const message of messages) {
    for (const part of message.content) {
      if (part.type === 'tool-approval-request') requests.push(part);
      else if (part.type === 'tool-approval-response') answered.add(part.approvalId);
      else if (part.type === 'tool-result') answered.add(`result:${part.toolCallId}`);
    }
  }
  return requests.filter(
    (request) => !answered.has(request.approvalId) && !answered.has(`result:${request.toolCallId}`),
  );
}

interface ApprovalIndex {
  requests: Map<string, ToolApprovalRequestPart>;
  responses: Map<string, ToolApprovalResponsePart>;
  /** Calls that already have a result. */
  resultIds: Set<string>;
}

function indexApprovalParts(messages: readonly Message[]): ApprovalIndex {
  const index: ApprovalIndex = { requests: new Map(), responses: new Map(), resultIds: new Set() };
  for (const message of messages) {
    for (const part of message.content) {
      if (part.type === 'tool-result') index.resultIds.add(part.toolCallId);
      if ('providerExecuted' in part && part.providerExecuted) continue;
      if (part.type === 'tool-approval-request') index.requests.set(part.approvalId, part);
      else if (part.type === 'tool-approval-response') addResponse(index.responses, part);
    }
  }
  return index;
}

function addResponse(responses: Map<string, ToolApprovalResponsePart>, part: ToolApprovalResponsePart): void {
  const earlier = responses.get(part.approvalId);
  if (earlier !== undefined && earlier.approved !== part.approved) {
    throw approvalError(`the approval ${part.approvalId} is both approved and denied`);
  }
  if (earlier === undefined) responses.set(part.approvalId, part);
}

function unansweredError(request: ToolApprovalRequestPart): InvalidArgumentError {
  return approvalError(
    `the tool call ${request.toolCallId} (${request.toolName}) waits for approval ${request.approvalId}; append approve(request) or deny(request, reason) before continuing`,
  );
}

function approvalError(message: string): InvalidArgumentError {
  return new InvalidArgumentError({ argument: 'messages', message });
}
