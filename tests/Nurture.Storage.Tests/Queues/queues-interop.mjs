// Sends, receives and deletes queue messages with the official Azure Queue Storage SDK for JavaScript, so the
// C# tests can check that Nurture's wire format and the SDK's agree in both directions.
// Usage (connection string on stdin):
//   node queues-interop.mjs send <queue> <base64 of the UTF-8 text>   puts the text base64-encoded, as Functions does
//   node queues-interop.mjs receive <queue>                           prints the first message, its text decoded
//   node queues-interop.mjs delete <queue> <messageId> <popReceipt>
import { QueueClient } from "@azure/storage-queue";
import { readFileSync } from "node:fs";

const [mode, queue, ...rest] = process.argv.slice(2);
const connectionString = readFileSync(0, "utf8").trim();
const client = new QueueClient(connectionString, queue);

if (mode === "send") {
  // The SDK sends text as given; the base64 comes from the caller, as an output binding would encode it.
  const sent = await client.sendMessage(rest[0]);
  process.stdout.write(JSON.stringify({ messageId: sent.messageId }));
} else if (mode === "receive") {
  const { receivedMessageItems } = await client.receiveMessages({ numberOfMessages: 1, visibilityTimeout: 60 });
  const m = receivedMessageItems[0];
  process.stdout.write(JSON.stringify(m === undefined ? null : {
    messageId: m.messageId,
    popReceipt: m.popReceipt,
    dequeueCount: m.dequeueCount,
    wireText: m.messageText,
    text: Buffer.from(m.messageText, "base64").toString("utf8"),
  }));
} else if (mode === "delete") {
  await client.deleteMessage(rest[0], rest[1]);
  process.stdout.write("{}");
} else {
  throw new Error(`unknown mode ${mode}`);
}
