// What the fault suite does to its own site: its database (stop, start, freeze, resume), its PHP
// workers, SQL on it, and the public routes it calls the way pages and servers call them.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { inject } from 'vitest';
import { dbPid, ensureDbServer, sql as rawSql, stopDbServer } from '../harness/mariadb.mjs';
import { readPid } from '../harness/processes.mjs';
import { siteDir } from '../harness/paths.mjs';

export const siteUrl = (): string => inject('faultsUrl');
export const pluginUrl = (): string => `${siteUrl()}/wp-content/plugins/leadtrail`;
const collectUrl = (op?: string) => `${pluginUrl()}/collect.php${op ? `?op=${op}` : ''}`;
/** consultant_server_url, as the embed code prints it. */
const serverUrl = () => `${pluginUrl()}/server/`;

export const faultsSite = () => siteDir('faults');
export const configFile = () => path.join(faultsSite(), 'wp-config.php');

export function sql(statement: string): string[][] {
  const out: string = rawSql(statement, inject('faultsDatabase'));
  return out === ''
    ? []
    : out
        .replace(/\n$/, '')
        .split('\n')
        .map((line) => line.split('\t'));
}

export function setOption(name: string, value: string): void {
  sql(
    `INSERT INTO wp_options (option_name, option_value, autoload) VALUES ('${name}', '${value}', 'no') ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)`,
  );
}

let key = '';
/** Read once, while the database is up: the calls are made while it is not. */
const siteKey = (): string => (key ||= sql("SELECT option_value FROM wp_options WHERE option_name = 'leadtrail_site_key'")[0]![0]!);

export const database = {
  stop: () => stopDbServer(),
  start: () => ensureDbServer(),
  /** SIGSTOP: the server keeps its sockets open and answers nothing, as a hung host does. */
  freeze: () => process.kill(dbPid()!, 'SIGSTOP'),
  resume: () => process.kill(dbPid()!, 'SIGCONT'),
};

/** The sockets a process has open: a `php -S` worker serving a request holds its client's and the database's. */
function openSockets(pid: string): number {
  try {
    return fs.readdirSync(`/proc/${pid}/fd`).filter((fd) => {
      try {
        return fs.readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:');
      } catch {
        return false;
      }
    }).length;
  } catch {
    return 0;
  }
}

/**
 * Kills the live worker of `php -S` with the most open sockets (the server does not start another),
 * as an OOM killer would: one in the middle of a request, not one waiting for the next.
 */
export function killPhpWorker(): number {
  const master = readPid(inject('faultsSitePidFile'));
  const workers = fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return Number(stat[1]) === master && stat[0] !== 'Z';
      } catch {
        return false;
      }
    });
  if (workers.length < 2) throw new Error(`php -S (pid ${master}) has ${workers.length} live workers; the suite needs two`);
  const victim = Number(workers.map((pid) => [pid, openSockets(pid)] as const).sort((a, b) => b[1] - a[1])[0]![0]);
  process.kill(victim, 'SIGKILL');
  return victim;
}

/** The lines the site's debug.log gained since `from` (a byte offset). */
export function debugLogSince(from: number): string[] {
  const file = path.join(siteDir('faults'), 'debug.log');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file).subarray(from).toString('utf8').split('\n').filter(Boolean);
}
export const debugLogSize = () => {
  const file = path.join(siteDir('faults'), 'debug.log');
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
};

export type Call = { name: string; method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; body?: string };
/** null: no answer (the connection failed, or nothing came within the client's limit). */
export type Reply = { status: number; retryAfter: string | null; body: any } | null;

export async function send(call: Call, limitMs: number): Promise<Reply> {
  try {
    const response = await fetch(call.url, { method: call.method, headers: call.headers, body: call.body, signal: AbortSignal.timeout(limitMs) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: the assertions on `body` say so.
    }
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
  } catch {
    return null;
  }
}

export type Visitor = { visitor_id: number; session_id: number; hit_id: number; token: string };

export async function newVisitor(): Promise<Visitor> {
  const reply = await send(json(collectUrl(), { site_key: siteKey(), url: `${siteUrl()}/`, referrer: '', title: 'Faults' }, 'hit'), 30_000);
  if (reply?.status !== 200) throw new Error(`the hit failed: ${JSON.stringify(reply)}`);
  const { visitor_id, session_id, hit_id, token } = reply.body.result;
  return { visitor_id, session_id, hit_id, token };
}

const requestId = () => crypto.randomBytes(16).toString('hex');

function json(url: string, body: unknown, name: string): Call {
  return { name, method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

/** A lead as the site's server code sends it (A6, F1): a form post to `{server}api/add_offline_message/`. */
export function serverLead(who: Visitor, text: string): Call {
  const body = new URLSearchParams({
    site_key: siteKey(),
    visitor_id: String(who.visitor_id),
    session_id: String(who.session_id),
    hit_id: String(who.hit_id),
    name: 'Fault',
    text,
  });
  return {
    name: 'add_offline_message',
    method: 'POST',
    url: `${serverUrl()}api/add_offline_message/`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    body: body.toString(),
  };
}

/** A lead as the runtime sends it (A4): `{collect}?op=request`, its request_id kept for every retry. */
export function pageLead(who: Visitor, message: string): Call {
  return json(collectUrl('request'), { ...who, request_id: requestId(), name: 'Fault', message }, 'request');
}

/** Every public route of the lean endpoint, each with a request it would accept with the database up. */
export function everyPublicRoute(who: Visitor): Call[] {
  const id = () => ({ ...who, request_id: requestId() });
  const key = siteKey();
  const seconds = Math.floor(Date.now() / 1000);
  return [
    json(collectUrl(), { site_key: key, url: `${siteUrl()}/`, referrer: '', title: 'Down' }, 'hit'),
    json(collectUrl('event'), { ...id(), category: 'Fault', action: 'down' }, 'event'),
    json(collectUrl('visitor_info'), { ...id(), name: 'Fault' }, 'visitor_info'),
    json(collectUrl('property_set'), { ...id(), name: 'fault', value: '1' }, 'property_set'),
    json(collectUrl('property_delete'), { ...id(), name: 'fault' }, 'property_delete'),
    json(collectUrl('property_has'), { ...id(), name: 'fault' }, 'property_has'),
    json(collectUrl('property_get'), { ...id(), name: 'fault' }, 'property_get'),
    json(collectUrl('properties'), id(), 'properties'),
    pageLead(who, 'Down'),
    json(collectUrl('callback'), { ...id(), phone: '+7 900 000-00-00' }, 'callback'),
    json(collectUrl('captcha'), who, 'captcha'),
    { name: 'captcha_image', method: 'GET', url: `${collectUrl('captcha_image')}&key=${'A'.repeat(32)}` },
    { name: 'groups', method: 'GET', url: collectUrl('groups') },
    { name: 'callback_settings', method: 'GET', url: collectUrl('callback_settings') },
    { name: 'vc/s', method: 'GET', url: `${serverUrl()}vc/s/?sk=${key}&ci=${who.visitor_id}.${who.session_id}.${seconds}&vn=Fault` },
    serverLead(who, 'Down'),
  ];
}
