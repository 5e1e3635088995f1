import type { ChatSnapshot } from '../messages/page-snapshot';
import { ReadValue } from './ReadValue';

const STATES = {
  closed: 'closed (the chat window is not open)',
  none: 'open, no message yet',
  waiting: 'waiting for an operator',
  talking: 'talking',
  ended: 'ended',
} as const;

/**
 * The online consultant on the page: `getOperatorStatus()` and the chat window's state with its
 * messages, read with the rest of the page (after calls, a navigation, or Refresh). Page text is
 * rendered as text.
 */
export function ChatView({ chat }: { chat: ChatSnapshot }) {
  const view = chat.window;
  return (
    <section class="card" data-testid="chat">
      <h2>Chat</h2>
      <table class="pairs">
        <tbody>
          <tr>
            <th>getOperatorStatus()</th>
            <td data-testid="operator-status">
              <ReadValue read={chat.operatorStatus} what="getOperatorStatus()" />
            </td>
          </tr>
          <tr>
            <th>chat window</th>
            <td data-testid="chat-state" data-state={view?.state ?? 'closed'}>
              {view ? STATES[view.state] : 'never opened on this page'}
            </td>
          </tr>
          {view?.operator ? (
            <tr>
              <th>operator</th>
              <td>{view.operator}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {view && view.messages.length > 0 ? (
        <ol class="queue" data-testid="chat-messages">
          {view.messages.map((m) => (
            <li key={m.id} data-from={m.from}>
              <strong>{m.from === 'visitor' ? 'visitor' : view.operator || 'operator'}: </strong>
              {m.text}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
