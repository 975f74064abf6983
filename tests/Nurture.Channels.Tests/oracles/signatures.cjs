// Signature oracle for the .NET tests: signs and verifies webhook deliveries with the providers' official
// npm libraries (twilio, @sendgrid/eventwebhook) and node's crypto (Shopify/WooCommerce HMAC).
// Reads one JSON request on stdin, writes one JSON answer on stdout.
'use strict';

const crypto = require('node:crypto');
const twilio = require('twilio');
const { EventWebhook } = require('@sendgrid/eventwebhook');

function hmacBase64(secret, body) {
  return crypto.createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('base64');
}

function sendgridSign(payload, timestamp) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const signature = crypto.sign('sha256', Buffer.from(timestamp + payload, 'utf8'), { key: privateKey, dsaEncoding: 'der' }).toString('base64');
  const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return { publicKey: spki, signature, libraryVerified: sendgridVerify(spki, payload, signature, timestamp) };
}

function sendgridVerify(publicKey, payload, signature, timestamp) {
  const webhook = new EventWebhook();
  return webhook.verifySignature(webhook.convertPublicKeyToECDSA(publicKey), payload, signature, timestamp);
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const request = JSON.parse(input);
  const answer = {
    hmac: (request.hmac || []).map((c) => hmacBase64(c.secret, c.body)),
    twilioSign: (request.twilioSign || []).map((c) => twilio.getExpectedTwilioSignature(c.authToken, c.url, c.params)),
    twilioValidate: (request.twilioValidate || []).map((c) => twilio.validateRequest(c.authToken, c.signature, c.url, c.params)),
    sendgridSign: (request.sendgridSign || []).map((c) => sendgridSign(c.payload, c.timestamp)),
    sendgridVerify: (request.sendgridVerify || []).map((c) => sendgridVerify(c.publicKey, c.payload, c.signature, c.timestamp)),
  };
  process.stdout.write(JSON.stringify(answer));
});
