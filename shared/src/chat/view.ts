// What the page shows of its chat, for tools (the inspector): `window.__leadtrailChatView`, kept by the
// chat window (docs/contracts.md, "Chat"). "closed" while the window is not open; else the server's state.
import type { ChatMessage, ChatState } from './client';

export interface ChatView {
  state: 'closed' | ChatState['state'];
  operator: string | null;
  messages: ChatMessage[];
}

export function publishView(view: ChatView) {
  (window as { __leadtrailChatView?: ChatView }).__leadtrailChatView = view;
}
