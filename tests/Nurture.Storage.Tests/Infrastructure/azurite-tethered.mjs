// Runs Azurite in this Node process and exits as soon as the process that started it is gone, so a test run that
// dies (a failed or cancelled `dotnet test`, a SIGKILLed test host) never leaves its Azurite behind.
// Usage: node azurite-tethered.mjs <path to azurite.js> <parent pid> <azurite arguments...>
import { pathToFileURL } from 'node:url';

const [azurite, parentPid, ...args] = process.argv.slice(2);
const parent = Number(parentPid);
if (!azurite || !Number.isInteger(parent) || parent <= 0) {
  console.error('usage: azurite-tethered.mjs <azurite.js> <parent pid> [azurite arguments]');
  process.exit(2);
}

setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    process.exit(0);
  }
}, 500).unref();

process.argv = [process.argv[0], azurite, ...args];
await import(pathToFileURL(azurite).href);
