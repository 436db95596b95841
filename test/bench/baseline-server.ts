/**
 * The benchmark's baseline: a bare `ws` server that routes the same frames with no storage, no auth
 * and no checks. Acks at once and forwards each message to the conversation's sockets. Prints its port.
 * With BASELINE_SQLITE=<path> it is the durable baseline: it first stores each message with one SQLite
 * insert (WAL, synchronous=FULL, one commit per message), which shows what durability alone costs on
 * the machine.
 */
import SQLite from 'better-sqlite3';
import { WebSocketServer, type WebSocket } from 'ws';

const durable = process.env.BASELINE_SQLITE ? new SQLite(process.env.BASELINE_SQLITE) : undefined;
durable?.pragma('journal_mode = WAL');
durable?.pragma('synchronous = FULL');
durable?.exec(
  'create table if not exists message (id text primary key, conversation_id text, seq integer, text text)',
);
const insert = durable?.prepare('insert into message values (?, ?, ?, ?)');

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
const rooms = new Map<string, Set<WebSocket>>();
const seqs = new Map<string, number>();

wss.on('connection', (ws) => {
  const mine = new Set<string>();
  ws.on('message', (data: Buffer) => {
    const f = JSON.parse(data.toString('utf8')) as {
      type: string;
      conversationId: string;
      id?: string;
      text?: string;
      resume?: Array<{ conversationId: string }>;
    };
    if (f.type === 'hello') {
      for (const r of f.resume ?? []) {
        let room = rooms.get(r.conversationId);
        if (!room) rooms.set(r.conversationId, (room = new Set()));
        room.add(ws);
        mine.add(r.conversationId);
      }
      return;
    }
    if (f.type !== 'send') return;
    const seq = (seqs.get(f.conversationId) ?? 0) + 1;
    seqs.set(f.conversationId, seq);
    insert?.run(f.id, f.conversationId, seq, f.text);
    ws.send(
      JSON.stringify({
        type: 'ack',
        id: f.id,
        conversationId: f.conversationId,
        seq,
        duplicate: false,
      }),
    );
    const frame = JSON.stringify({
      type: 'message',
      message: { id: f.id, conversationId: f.conversationId, seq, text: f.text },
    });
    for (const peer of rooms.get(f.conversationId) ?? []) peer.send(frame);
  });
  ws.on('close', () => {
    for (const id of mine) rooms.get(id)?.delete(ws);
  });
});
wss.on('listening', () => {
  const address = wss.address();
  console.log(
    `baseline listening on ${typeof address === 'string' || !address ? String(address) : address.port}`,
  );
});
