import { useChat } from '@ai-sdk/react';
import {
  DefaultChatTransport,
  lastAssistantMessageIsCompleteWithApprovalResponses,
  type UIMessage,
} from 'ai';
import { type FormEvent, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

type Part = UIMessage['parts'][number];
type ToolPart = Extract<Part, { toolCallId: string }>;

function isToolPart(part: Part): part is ToolPart {
  return part.type === 'dynamic-tool' || part.type.startsWith('tool-');
}

function Banner() {
  const [mode, setMode] = useState<string>();
  useEffect(() => {
    fetch('/api/info')
      .then((response) => response.json())
      .then((info: { mode: string }) => setMode(info.mode))
      .catch(() => setMode('unknown'));
  }, []);
  if (mode === undefined) return null;
  return mode === 'replay' ? (
    <div className="banner" data-testid="mode">
      Replay mode: no OPENAI_API_KEY is set, so the server replays recorded sessions. Ask it to email Ada the
      weekly report, or to tell you a story.
    </div>
  ) : (
    <div className="banner live" data-testid="mode">
      Live mode: a real model answers.
    </div>
  );
}

function Tool({ part, onAnswer }: { part: ToolPart; onAnswer: (id: string, approved: boolean) => void }) {
  const name = part.type === 'dynamic-tool' ? part.toolName : part.type.slice('tool-'.length);
  return (
    <div className="tool" data-testid="tool" data-state={part.state}>
      <div>
        Tool call: <strong>{name}</strong> <span className="state">({part.state})</span>
      </div>
      <pre data-testid="tool-input">{JSON.stringify(part.input ?? null, null, 2)}</pre>
      {part.state === 'approval-requested' && (
        <div>
          <button type="button" onClick={() => onAnswer(part.approval.id, true)}>
            Approve
          </button>{' '}
          <button type="button" onClick={() => onAnswer(part.approval.id, false)}>
            Deny
          </button>
        </div>
      )}
      {part.state === 'output-available' && (
        <pre data-testid="tool-output">{JSON.stringify(part.output, null, 2)}</pre>
      )}
      {part.state === 'output-error' && <pre className="error">{part.errorText}</pre>}
      {part.state === 'output-denied' && <div data-testid="tool-denied">Denied.</div>}
    </div>
  );
}

function Chat() {
  const [input, setInput] = useState('');
  const { messages, sendMessage, status, stop, error, addToolApprovalResponse } = useChat({
    transport: new DefaultChatTransport({ api: '/api/chat' }),
    sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
  });
  const busy = status === 'submitted' || status === 'streaming';
  const send = (text: string) => {
    if (text.trim() === '' || busy) return;
    sendMessage({ text });
    setInput('');
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send(input);
  };
  const onAnswer = (id: string, approved: boolean) => {
    addToolApprovalResponse({ id, approved, ...(approved ? {} : { reason: 'The user said no.' }) });
  };
  return (
    <main>
      <h1>fantasy-ts chat</h1>
      <Banner />
      <div className="suggestions">
        <button type="button" onClick={() => send('Please email Ada the weekly report.')}>
          Email Ada the weekly report
        </button>
        <button type="button" onClick={() => send('Tell me a long story.')}>
          Tell me a story
        </button>
      </div>
      {messages.map((message) => (
        <div key={message.id} className={`message ${message.role}`} data-testid={`message-${message.role}`}>
          <div className="role">{message.role}</div>
          {message.parts.map((part, index) => {
            const key = `${message.id}-${index}`;
            if (part.type === 'text') {
              return (
                <div key={key} data-testid="text">
                  {part.text}
                </div>
              );
            }
            if (part.type === 'reasoning') return <details key={key}>{part.text}</details>;
            if (isToolPart(part)) return <Tool key={key} part={part} onAnswer={onAnswer} />;
            return null;
          })}
        </div>
      ))}
      {error && (
        <div className="error" data-testid="error">
          {error.message}
        </div>
      )}
      <div data-testid="status">{status}</div>
      <form onSubmit={onSubmit}>
        <input value={input} placeholder="Say something" onChange={(event) => setInput(event.target.value)} />
        {busy ? (
          <button type="button" onClick={() => stop()}>
            Stop
          </button>
        ) : (
          <button type="submit">Send</button>
        )}
      </form>
    </main>
  );
}

const root = document.getElementById('root');
if (root !== null) createRoot(root).render(<Chat />);
