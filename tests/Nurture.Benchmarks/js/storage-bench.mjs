// The baseline side of the storage benchmark: the official Azure SDKs for JavaScript doing exactly what
// Nurture's side does (tests/Nurture.Benchmarks/Storage), against the same storage account in the same run.
//
// Usage: node storage-bench.mjs, then one JSON case per line on stdin:
//   { connectionString, operation: "upsert" | "batch" | "get" | "query" | "queue", concurrency,
//     operations, warmup, batchSize, rows, table, queue }
// For each case it prints one JSON line: { operations, units, seconds } for the timed part only (set-up,
// warm-up and clean-up are not timed), or { error } when the case failed. It exits when stdin closes.
// A unit is what the row reports per second: an upsert, an entity of a batch, a get, a row of the query,
// a put+get+delete cycle. One process serves a whole run, so rounds of the two sides can interleave cheaply.
import { TableClient, odata } from "@azure/data-tables";
import { QueueClient } from "@azure/storage-queue";
import { createInterface } from "node:readline";
import { performance } from "node:perf_hooks";

const baseTime = Date.UTC(2026, 0, 1);

function rowKey(i) {
  return String(i).padStart(8, "0");
}

// The same shape as BenchEntities.Create on the C# side: two strings, an Int32, a Double and a DateTime.
function entity(partitionKey, i) {
  return {
    partitionKey,
    rowKey: rowKey(i),
    Name: `Customer ${i}`,
    Email: `customer${i}@example.com`,
    Orders: i % 1000,
    Spent: i + 0.25,
    LastOrderAt: new Date(baseTime + i * 60_000),
  };
}

function messageText(i) {
  const body = JSON.stringify({ type: "order.placed", contact: `customer${i}@example.com`, orderId: i, total: i + 0.25, padding: "x".repeat(120) });
  // Nurture sends base64 text (what the Functions queue trigger reads), so the baseline does too.
  return Buffer.from(body, "utf8").toString("base64");
}

// Runs fn(0..count-1) on `concurrency` workers sharing one counter, like ConcurrentLoop on the C# side.
async function loop(count, concurrency, fn) {
  let next = 0;
  const workers = [];
  for (let w = 0; w < concurrency; w++) {
    workers.push((async () => {
      for (;;) {
        const i = next++;
        if (i >= count) return;
        await fn(i);
      }
    })());
  }
  await Promise.all(workers);
}

async function timed(fn) {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

async function loadRows(table, partitionKey, rows, batchSize) {
  for (let start = 0; start < rows; start += batchSize) {
    const actions = [];
    for (let i = start; i < Math.min(rows, start + batchSize); i++) actions.push(["upsert", entity(partitionKey, i), "Replace"]);
    await table.submitTransaction(actions);
  }
}

async function runTable(spec) {
  const table = TableClient.fromConnectionString(spec.connectionString, spec.table, { allowInsecureConnection: true });
  await table.createTable();
  try {
    switch (spec.operation) {
      case "upsert": {
        await loop(spec.warmup, spec.concurrency, (i) => table.upsertEntity(entity(`w${i % 16}`, i), "Replace"));
        const seconds = await timed(() => loop(spec.operations, spec.concurrency, (i) => table.upsertEntity(entity(`p${i % 16}`, i), "Replace")));
        return { units: spec.operations, seconds };
      }
      case "batch": {
        const batch = (prefix, b) => {
          const actions = [];
          for (let i = 0; i < spec.batchSize; i++) actions.push(["upsert", entity(`${prefix}${b}`, i), "Replace"]);
          return table.submitTransaction(actions);
        };
        await loop(spec.warmup, spec.concurrency, (b) => batch("w", b));
        const seconds = await timed(() => loop(spec.operations, spec.concurrency, (b) => batch("b", b)));
        return { units: spec.operations * spec.batchSize, seconds };
      }
      case "get": {
        const partitions = Math.ceil(spec.rows / spec.batchSize);
        for (let p = 0; p < partitions; p++) await loadRows(table, `g${p}`, spec.batchSize, spec.batchSize);
        // A fixed stride walks every key in an order that defeats any locality, the same on both sides.
        const get = async (i) => {
          const index = (i * 7919) % spec.rows;
          const found = await table.getEntity(`g${Math.floor(index / spec.batchSize)}`, rowKey(index % spec.batchSize));
          if (found.Orders !== (index % spec.batchSize) % 1000) throw new Error(`unexpected entity for ${index}`);
        };
        await loop(spec.warmup, spec.concurrency, get);
        const seconds = await timed(() => loop(spec.operations, spec.concurrency, get));
        return { units: spec.operations, seconds };
      }
      case "query": {
        await loadRows(table, "q", spec.rows, spec.batchSize);
        const pass = async () => {
          let count = 0;
          const pages = table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${"q"}` } }).byPage({ maxPageSize: 1000 });
          for await (const page of pages) count += page.length;
          if (count !== spec.rows) throw new Error(`query returned ${count} rows, expected ${spec.rows}`);
        };
        await loop(spec.warmup, spec.concurrency, pass);
        const seconds = await timed(() => loop(spec.operations, spec.concurrency, pass));
        return { units: spec.operations * spec.rows, seconds };
      }
      default:
        throw new Error(`unknown table operation ${spec.operation}`);
    }
  } finally {
    await table.deleteTable();
  }
}

async function runQueue(spec) {
  const queue = new QueueClient(spec.connectionString, spec.queue);
  await queue.create();
  try {
    const cycle = async (i) => {
      await queue.sendMessage(messageText(i));
      // Another worker may have taken the message this one put; any visible message will do, and one
      // always is, because every worker puts before it gets.
      for (;;) {
        const received = await queue.receiveMessages({ numberOfMessages: 1 });
        const message = received.receivedMessageItems[0];
        if (message) {
          if (!Buffer.from(message.messageText, "base64").toString("utf8").startsWith("{")) throw new Error("unexpected message text");
          await queue.deleteMessage(message.messageId, message.popReceipt);
          return;
        }
      }
    };
    await loop(spec.warmup, spec.concurrency, cycle);
    const seconds = await timed(() => loop(spec.operations, spec.concurrency, cycle));
    return { units: spec.operations, seconds };
  } finally {
    await queue.delete();
  }
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() === "") continue;
  let reply;
  try {
    const spec = JSON.parse(line);
    const result = spec.operation === "queue" ? await runQueue(spec) : await runTable(spec);
    reply = { operations: spec.operations, ...result };
  } catch (error) {
    reply = { error: String(error?.stack ?? error) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
}
