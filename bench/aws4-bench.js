// SPDX-License-Identifier: GPL-3.0-or-later
//
// Cost per SigV4 signature with the npm package aws4 (see BENCHMARKS.md).
//
// The same three workloads as signet-bench-sign.c and botocore-bench.py,
// with the same URL, headers, body bytes, credentials and signing time;
// bench/run checks that every signer produces the same signature.
//
// What is timed: aws4.sign(), which computes the signature and adds Host
// and Authorization to the request options it is given.
// aws4.sign() changes those options, so every iteration signs a fresh
// options object; they are built before each timed round (cheap object
// literals) and not counted.
//
// Two choices favour aws4, and are stated in BENCHMARKS.md:
// - aws4 keeps derived signing keys in an LRU cache (always on), so it never
//   derives a key after the first signature;
// - the body is a Buffer (no UTF-8 encoding of a string), and the signing
//   time is given as an X-Amz-Date header (aws4 then skips formatting the
//   clock), the only way to give aws4 a fixed time.
//
// Output: one JSON object per line and per workload.
//
// Usage: node aws4-bench.js [--iterations N] [--rounds R] [--round-time S]
//                           [--workload NAME]...

'use strict'

const aws4 = require('aws4')
const aws4Version = require('aws4/package.json').version

const HOST = 'abc123defg.execute-api.us-west-2.amazonaws.com'
const PATH = '/test/pets'
const REGION = 'us-west-2'
const SERVICE = 'execute-api'
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}
const AMZ_DATE = '20240501T120000Z'
const BODY_HEAD = '{"id":1,"name":"Rex","tag":"dog","notes":"'
const BODY_TAIL = '"}'

const WORKLOADS = [
  ['get', 'GET', 0],
  ['post-1k', 'POST', 1024],
  ['post-1m', 'POST', 1024 * 1024],
]

// A JSON object of exactly size bytes: head, a-z repeated, tail.
function makeJsonBody (size) {
  const body = Buffer.alloc(size)
  const filler = size - BODY_HEAD.length - BODY_TAIL.length
  body.write(BODY_HEAD, 0, 'latin1')
  for (let i = 0; i < filler; i++)
    body[BODY_HEAD.length + i] = 0x61 + (i % 26)
  body.write(BODY_TAIL, size - BODY_TAIL.length, 'latin1')
  return body
}

function requestFactory (method, bodySize) {
  if (bodySize === 0) {
    return () => ({
      host: HOST, path: PATH, method, service: SERVICE, region: REGION,
      headers: { 'X-Amz-Date': AMZ_DATE },
    })
  }
  const body = makeJsonBody(bodySize)
  const length = String(bodySize)
  return () => ({
    host: HOST, path: PATH, method, service: SERVICE, region: REGION, body,
    headers: {
      'Content-Type': 'application/json',
      'Content-Length': length,
      'X-Amz-Date': AMZ_DATE,
    },
  })
}

function nowSeconds () {
  return Number(process.hrtime.bigint()) / 1e9
}

// Returns the seconds spent signing @iterations fresh requests.
function runRound (make, iterations) {
  const requests = new Array(iterations)
  for (let i = 0; i < iterations; i++)
    requests[i] = make()
  const start = nowSeconds()
  for (let i = 0; i < iterations; i++)
    aws4.sign(requests[i], CREDENTIALS)
  return nowSeconds() - start
}

function calibrate (make, minSeconds) {
  let iterations = 1
  for (;;) {
    const elapsed = runRound(make, iterations)
    if (elapsed >= minSeconds)
      return iterations
    const factor = elapsed > 0 ? 1.2 * minSeconds / elapsed : 10
    iterations = Math.floor(iterations * Math.min(Math.max(factor, 2), 10))
  }
}

function median (values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function round3 (value) {
  return Math.round(value * 1000) / 1000
}

function bench (name, method, bodySize, options) {
  const make = requestFactory(method, bodySize)
  const first = aws4.sign(make(), CREDENTIALS)
  const signature = first.headers.Authorization.split('Signature=')[1]

  // Calibrating warms up too (JIT included); then one more untimed round.
  const iterations = options.iterations || calibrate(make, options.roundTime)
  runRound(make, iterations)

  const perSignature = []
  for (let r = 0; r < options.rounds; r++)
    perSignature.push(runRound(make, iterations) * 1e6 / iterations)

  return {
    signer: 'aws4',
    version: aws4Version,
    workload: name,
    body_bytes: bodySize,
    timed: 'aws4.sign',
    iterations,
    rounds: options.rounds,
    us_per_sig: round3(median(perSignature)),
    us_min: round3(Math.min(...perSignature)),
    us_max: round3(Math.max(...perSignature)),
    signature,
  }
}

function parseArgs (argv) {
  const options = { iterations: 0, rounds: 5, roundTime: 0.2, workloads: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = argv[i + 1]
    if (arg === '--iterations' || arg === '-n') {
      options.iterations = parseInt(value, 10); i++
    } else if (arg === '--rounds' || arg === '-r') {
      options.rounds = parseInt(value, 10); i++
    } else if (arg === '--round-time' || arg === '-t') {
      options.roundTime = parseFloat(value); i++
    } else if (arg === '--workload' || arg === '-w') {
      options.workloads.push(value); i++
    } else {
      throw new Error(`Unknown argument “${arg}”`)
    }
  }
  if (!(options.iterations >= 0) || !(options.rounds >= 1) || !(options.roundTime > 0))
    throw new Error('Invalid option value')
  for (const name of options.workloads) {
    if (!WORKLOADS.some((w) => w[0] === name))
      throw new Error(`Unknown workload “${name}”`)
  }
  return options
}

function main () {
  let options
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`${error.message}\n`)
    process.exit(2)
  }
  for (const [name, method, bodySize] of WORKLOADS) {
    if (options.workloads.length > 0 && !options.workloads.includes(name))
      continue
    process.stdout.write(JSON.stringify(bench(name, method, bodySize, options)) + '\n')
  }
}

main()
