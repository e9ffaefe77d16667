// Open-loop HTTP load at an even pace: request i leaves at start + i / rate seconds, whether or not the
// earlier ones have been answered, over as many keep-alive sockets as are busy at that moment.
//
// Why not autocannon (9.0): its rate limit is a per-connection quota per one-second window. Every window
// opens at the same moment, each connection spends its quota at once and then waits for the next window, so
// each second starts with a burst of `rate` requests whatever the mix of `connections`, `connectionRate`,
// `overallRate` and `amount` (with connections = rate and connectionRate = 1 all of them leave together).
// It is also closed-loop: a connection sends its next request only after the previous response, so a slow
// response delays the requests behind it instead of showing up in the latency (coordinated omission).
import http from 'node:http';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { URL } from 'node:url';

const NS_PER_MS = 1e6;

/**
 * Sends `rate * durationS` requests made by `nextRequest()` ({ method, path, headers, body }) and waits for
 * every answer (or its timeout). Latencies run from handing the request to the socket layer to the last
 * byte of the response, for every answered request whatever its status.
 */
export async function pacedLoad({ baseUrl, rate, durationS, nextRequest, timeoutMs = 10_000, signal }) {
  const target = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true });
  const total = Math.round(rate * durationS);
  const intervalNs = 1e9 / rate;
  const tally = { ok: 0, non2xx: 0, errors: 0, timeouts: 0 };
  const latencies = [];
  const lateness = [];
  const inFlight = new Set();
  let maxInFlight = 0;
  let lastSent = 0n;
  let lastAnswer = 0n;
  const abort = () => agent.destroy();
  signal?.addEventListener('abort', abort);
  const start = process.hrtime.bigint();
  try {
    for (let i = 0; i < total && !signal?.aborted; i++) {
      const due = start + BigInt(Math.round(i * intervalNs));
      const aheadMs = Number(due - process.hrtime.bigint()) / NS_PER_MS;
      if (aheadMs > 0) await sleep(aheadMs);
      lastSent = process.hrtime.bigint();
      lateness.push(Number(lastSent - due) / NS_PER_MS);
      const answer = send(agent, target, nextRequest(), timeoutMs).then(({ outcome, ms, at }) => {
        tally[outcome] += 1;
        if (ms !== null) latencies.push(ms);
        if (at > lastAnswer) lastAnswer = at;
        inFlight.delete(answer);
      });
      inFlight.add(answer);
      maxInFlight = Math.max(maxInFlight, inFlight.size);
    }
    await Promise.all(inFlight);
  } finally {
    signal?.removeEventListener('abort', abort);
    agent.destroy();
  }
  const sent = lateness.length;
  const sendingS = Number(lastSent - start) / 1e9 || 1;
  const answeringS = Number(lastAnswer - start) / 1e9 || 1;
  return {
    requestedRate: rate,
    sentRate: round((sent - 1) / sendingS),
    // Successful answers over the time from the first request to the last answer.
    achievedRate: round(tally.ok / answeringS),
    requests: sent,
    latency: percentiles(latencies, [0.5, 0.9, 0.99, 1]),
    ...tally,
    maxInFlight,
    // How far behind its schedule the generator sent; large values would mean it, not the app, was busy.
    senderLag: percentiles(lateness, [0.99, 1]),
  };
}

/** One request; resolves (never rejects) with its outcome, its latency in ms (null if unanswered) and when. */
function send(agent, target, { method, path, headers = {}, body }, timeoutMs) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const finish = (outcome, answered) => {
      clearTimeout(timer);
      const at = process.hrtime.bigint();
      resolve({ outcome, ms: answered ? Number(at - started) / NS_PER_MS : null, at });
    };
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        method,
        path,
        agent,
        headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        const ok = response.statusCode >= 200 && response.statusCode < 300;
        response.once('end', () => finish(ok ? 'ok' : 'non2xx', true));
        response.once('error', () => finish('errors', false));
      },
    );
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      request.destroy();
    }, timeoutMs);
    request.once('error', () => finish(timedOut ? 'timeouts' : 'errors', false));
    request.end(body);
  });
}

/** Exact percentiles (nearest rank) keyed p50, p90, … and max; values rounded to 0.1. */
export function percentiles(samples, ranks = [0.5, 0.9, 0.99, 1]) {
  const sorted = Float64Array.from(samples).sort();
  const figures = {};
  for (const rank of ranks) {
    const key = rank === 1 ? 'max' : `p${Math.round(rank * 100)}`;
    const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(rank * sorted.length) - 1));
    figures[key] = sorted.length === 0 ? null : round(sorted[index]);
  }
  return figures;
}

function round(value) {
  return Math.round(value * 10) / 10;
}
