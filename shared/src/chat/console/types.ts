// The operator routes' answers, as the console reads them (docs/contracts.md, "Chat").

export interface Message {
  id: number;
  from: 'visitor' | 'operator';
  text: string;
  at: number;
}

interface ChatSummary {
  id: number;
  status: 'waiting' | 'talking' | 'ended';
  visitor_id: number;
  operator: { id: number; name: string } | null;
  mine: boolean;
  page: string;
  created_at: number;
}

interface VisitorInfo {
  name: string;
  contacts: string[];
  source: Record<string, string> | null;
  properties: { name: string; value: string | null }[];
  requests: number;
}

export interface ListAnswer {
  chats: (ChatSummary & { visitor: VisitorInfo; unread: number })[];
  status: 'available' | 'away';
  operators: { id: number; name: string }[];
}

export interface ChatAnswer extends ChatSummary {
  visitor_typing: boolean;
  messages: Message[];
}
