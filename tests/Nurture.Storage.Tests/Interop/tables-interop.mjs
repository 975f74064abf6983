// Reads and writes one entity with the official Azure Tables SDK for JavaScript, so the C# tests can check
// that Nurture's wire format and the SDK's agree in both directions.
// Usage: node tables-interop.mjs <read|write> <table> <partitionKey> <rowKey>   (connection string on stdin)
import { TableClient } from "@azure/data-tables";
import { readFileSync } from "node:fs";

const [mode, table, partitionKey, rowKey] = process.argv.slice(2);
const connectionString = readFileSync(0, "utf8").trim();
const client = TableClient.fromConnectionString(connectionString, table, { allowInsecureConnection: true });

if (mode === "read") {
  const entity = await client.getEntity(partitionKey, rowKey, { disableTypeConversion: true });
  const out = {};
  for (const [name, value] of Object.entries(entity)) {
    if (name === "odata.metadata" || name === "etag" || name === "timestamp") continue;
    out[name] = value;
  }
  process.stdout.write(JSON.stringify(out));
} else if (mode === "write") {
  await client.createEntity({
    partitionKey,
    rowKey,
    Text: "Zoë — 🎉 'quoted'",
    Int: { value: "-2147483648", type: "Int32" },
    Long: { value: "9223372036854775807", type: "Int64" },
    Double: { value: "1234.5678", type: "Double" },
    WholeDouble: { value: "42", type: "Double" },
    Flag: true,
    When: { value: "2026-11-23T07:30:15.1234567Z", type: "DateTime" },
    Id: { value: "5c7e6a0e-8f1b-4d7a-9a49-0a1b2c3d4e5f", type: "Guid" },
    Bytes: new Uint8Array([0, 1, 2, 254, 255]),
  });
  process.stdout.write("{}");
} else {
  throw new Error(`unknown mode ${mode}`);
}
