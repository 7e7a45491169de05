// The S3-API server of the backend tests: npm s3rver (a real S3 REST implementation on the local
// file system) behind a front that adds what s3rver 3.7 lacks and the tests need.
//
//   node --openssl-legacy-provider tools/s3rver/server.mjs --port N --dir DIR --bucket NAME...
//        --key ID:SECRET:ROLE...
// (s3rver encrypts its listing continuation tokens with DES, which OpenSSL 3 keeps in its legacy
// provider: without the flag, every truncated listing is a 500.)
//
// - SigV4 checks: s3rver 3.7 accepts any V4 signature, so this front recomputes every signature
//   from the AWS specification (canonical request, string to sign, HMAC chain) and refuses
//   unsigned requests, unknown keys, wrong signatures and bodies whose SHA-256 differs from a
//   signed x-amz-content-sha256 (403, S3's error XML).
// - Roles: a "writer" key may put, read and list, but never delete an object nor write over an
//   existing one (a bucket policy without s3:DeleteObject, plus Object Lock); aborting its own
//   multipart upload stays allowed (s3:AbortMultipartUpload). A "full" key may do everything.
// - AbortMultipartUpload, which s3rver 3.7 does not implement.
// - Control endpoints for the tests (never signed, only on loopback):
//   POST /__control/faults  {"rules":[{"method":"PUT","match":"partNumber=2","status":503,
//                            "count":1}]}  ("match": text in the URL; "ends": the path's end;
//                            "reset":true drops the connection; "delay_ms":N waits, then
//                            answers normally)
//   GET  /__control/log     every request so far: [{method, path, query, status, lock}]
//                            (lock: the Object Lock retain-until date the request asked for)
//   POST /__control/clear   forget the log and the faults
// Prints "ready PORT" on stdout once it listens.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Readable } from 'node:stream';

const require = createRequire(import.meta.url);
const S3rver = require('s3rver');
const AWSAccount = require('s3rver/lib/models/account');

function parseArgs(argv) {
  const options = { port: 0, dir: '', buckets: [], keys: new Map() };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`missing value after ${name}`);
    if (name === '--port') options.port = Number(value);
    else if (name === '--dir') options.dir = value;
    else if (name === '--bucket') options.buckets.push(value);
    else if (name === '--key') {
      const [id, secret, role] = value.split(':');
      if (!id || !secret || !['full', 'writer'].includes(role)) throw new Error(`bad --key ${value}`);
      options.keys.set(id, { secret, role });
    } else throw new Error(`unknown option ${name}`);
  }
  if (!options.dir || options.buckets.length === 0 || options.keys.size === 0) {
    throw new Error('usage: server.mjs --port N --dir DIR --bucket NAME --key ID:SECRET:ROLE');
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
const log = [];
let faults = [];

// s3rver's own account registry must know our key ids (it looks the id up before anything else).
AWSAccount.DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
for (const [id, { secret }] of options.keys) AWSAccount.DUMMY_ACCOUNT.createKeyPair(id, secret);

const s3 = new S3rver({
  directory: options.dir,
  silent: true,
  vhostBuckets: false,
  configureBuckets: options.buckets.map((name) => ({ name })),
});
await s3.configureBuckets();
const s3Handler = s3.callback();

const sha256Hex = (data) => createHash('sha256').update(data).digest('hex');
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();

// RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, upper-case hex.
function uriEncode(text, keepSlash) {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) out += c;
    else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function canonicalQuery(rawQuery) {
  if (!rawQuery) return '';
  const pairs = rawQuery.split('&').filter(Boolean).map((part) => {
    const eq = part.indexOf('=');
    const name = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, '%20'));
    const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, '%20'));
    return [uriEncode(name, false), uriEncode(value, false)];
  });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
  return pairs.map(([n, v]) => `${n}=${v}`).join('&');
}

function s3Error(res, status, code, message) {
  res.writeHead(status, { 'Content-Type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code>` +
    `<Message>${message}</Message></Error>`);
  return status;
}

// Checks the Authorization header against the AWS SigV4 specification; returns the key's entry
// or answers the error itself and returns null.
function verifySignature(req, res, body, path, rawQuery) {
  const auth = req.headers.authorization || '';
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
  if (!match) return s3Error(res, 403, 'AccessDenied', 'Missing or malformed SigV4 Authorization') && null;
  const [, keyId, day, region, signedHeaders, signature] = match;
  const key = options.keys.get(keyId);
  if (!key) return s3Error(res, 403, 'InvalidAccessKeyId', 'Unknown access key') && null;
  const amzDate = req.headers['x-amz-date'] || '';
  const headerNames = signedHeaders.split(';');
  for (const required of ['host', 'x-amz-date', 'x-amz-content-sha256']) {
    if (!headerNames.includes(required)) {
      return s3Error(res, 403, 'AccessDenied', `${required} is not signed`) && null;
    }
  }
  if (!amzDate.startsWith(day)) return s3Error(res, 403, 'AccessDenied', 'Date mismatch') && null;
  const payloadHash = req.headers['x-amz-content-sha256'];
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256Hex(body)) {
    return s3Error(res, 400, 'XAmzContentSHA256Mismatch', 'Body does not match its hash') && null;
  }
  const canonicalHeaders = headerNames
    .map((name) => `${name}:${String(req.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const canonicalRequest = [req.method, uriEncode(decodeURIComponent(path), true),
    canonicalQuery(rawQuery), canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${day}/${region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  let signingKey = hmac('AWS4' + key.secret, day);
  for (const part of [region, 's3', 'aws4_request']) signingKey = hmac(signingKey, part);
  const expected = hmac(signingKey, stringToSign);
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    return s3Error(res, 403, 'SignatureDoesNotMatch', 'The request signature does not match') && null;
  }
  return key;
}

function objectExists(path) {
  const [bucket, ...rest] = decodeURIComponent(path).slice(1).split('/');
  const key = rest.join('/');
  if (!bucket || !key) return false;
  const parts = key.split('/');
  const file = parts.pop();
  return existsSync(join(options.dir, bucket, ...parts, `${file}._S3rver_object`));
}

// A writer may not delete objects nor replace one that exists.
function writerForbidden(req, path, query) {
  if (req.method === 'DELETE' && !query.has('uploadId')) return true;
  if (req.method === 'POST' && query.has('delete')) return true;
  const writes = (req.method === 'PUT' && !query.has('uploadId')) ||
    (req.method === 'POST' && query.has('uploadId'));
  return writes && objectExists(path);
}

function abortMultipart(res, path, query) {
  const bucket = decodeURIComponent(path).slice(1).split('/')[0];
  const uploadId = query.get('uploadId') || '';
  const dir = join(options.dir, bucket, `._S3rver_uploads`, uploadId.replace(/[^0-9a-f]/g, ''));
  if (!uploadId || !existsSync(dir)) return s3Error(res, 404, 'NoSuchUpload', 'No such upload');
  rmSync(dir, { recursive: true, force: true });
  res.writeHead(204);
  res.end();
  return 204;
}

function takeFault(req) {
  const index = faults.findIndex((rule) => rule.count > 0 &&
    (!rule.method || rule.method === req.method) &&
    (!rule.match || `${req.url}`.includes(rule.match)) &&
    (!rule.ends || req.url.split('?')[0].endsWith(rule.ends)));
  if (index < 0) return null;
  faults[index].count -= 1;
  return faults[index];
}

function control(req, res, path, body) {
  if (path === '/__control/faults' && req.method === 'POST') {
    faults = JSON.parse(body.toString('utf8')).rules.map((rule) => ({ count: 1, ...rule }));
  } else if (path === '/__control/clear' && req.method === 'POST') {
    faults = [];
    log.length = 0;
  } else if (!(path === '/__control/log' && req.method === 'GET')) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(path === '/__control/log' ? log : { ok: true }));
}

// Hands a request whose body was read already to s3rver, as a fresh readable stream.
function forward(req, res, body) {
  const replay = Readable.from(body.length > 0 ? [body] : []);
  for (const field of ['headers', 'rawHeaders', 'method', 'url', 'httpVersion',
    'httpVersionMajor', 'httpVersionMinor', 'socket', 'connection', 'complete']) {
    replay[field] = req[field];
  }
  s3Handler(replay, res);
}

async function handle(req, res) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  const [path, rawQuery = ''] = req.url.split('?', 2);
  if (path.startsWith('/__control/')) return control(req, res, path, body);
  const query = new URLSearchParams(rawQuery);
  const entry = { method: req.method, path, query: rawQuery, status: 0,
    lock: req.headers['x-amz-object-lock-retain-until-date'] || '' };
  log.push(entry);
  const fault = takeFault(req);
  if (fault?.reset) {
    entry.status = -1;
    req.socket.destroy();
    return;
  }
  if (fault?.delay_ms) await new Promise((resolve) => setTimeout(resolve, fault.delay_ms));
  if (fault?.status) {
    entry.status = s3Error(res, fault.status, fault.status >= 500 ? 'InternalError' : 'Injected',
      'Injected by the test');
    return;
  }
  const key = verifySignature(req, res, body, path, rawQuery);
  if (!key) {
    entry.status = res.statusCode;
    return;
  }
  if (key.role === 'writer' && writerForbidden(req, path, query)) {
    entry.status = s3Error(res, 403, 'AccessDenied', 'This key may not delete or overwrite');
    return;
  }
  if (req.method === 'DELETE' && query.has('uploadId')) {
    entry.status = abortMultipart(res, path, query);
    return;
  }
  res.on('finish', () => {
    entry.status = res.statusCode;
  });
  forward(req, res, body);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    process.stderr.write(`s3 test server: ${error.stack}\n`);
    if (!res.headersSent) s3Error(res, 500, 'InternalError', 'test server failure');
  });
});
server.listen(options.port, '127.0.0.1', () => {
  process.stdout.write(`ready ${server.address().port}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
