// The tester: connects this page to the pool's WebSocket and speaks Lanes' protocol over it, the same messages as
// every other worker (start/run/collect/cancel/stop in; started/testfileFinished/stopped and RuntimeRpc calls out).
import * as runner from './runner.js';

const params = new URLSearchParams(location.search);
const session = params.get('session');
const projectBase = new URL('../' + params.get('base'), location.href).href; // where the project's files are served
const socket = new WebSocket(new URL('rpc?session=' + encodeURIComponent(session), location.href).href
    .replace(/^http/, 'ws'));

let settings = { testTimeout: 30000 };
let active = null; // the file running now: { spec, errors }
let cancelled = false;
let commandIds = 0;
const commands = new Map();
let updates = { packs: [], events: [] };
let flushTimer = null;

function send(message) {
  if (socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify(message));
  }
}

function event(method, ...args) {
  send({ type: 'call', id: 0, method, args });
}

function flush() {
  clearTimeout(flushTimer);
  flushTimer = null;
  if (updates.packs.length || updates.events.length) {
    event('onTaskUpdate', updates.packs, updates.events);
    updates = { packs: [], events: [] };
  }
}

// Task updates go out at most every 100 ms, and all of them before the file's end is reported (as the JVM workers do).
function update(taskId, result, eventName) {
  updates.packs.push({ taskId, result });
  updates.events.push({ taskId, event: eventName });
  if (!flushTimer) {
    flushTimer = setTimeout(flush, 100);
  }
}

runner.setCommandSender((name, args) => new Promise((resolve, reject) => {
  const id = ++commandIds;
  commands.set(id, { resolve, reject });
  send({ lanes: 'command', id, name, args });
}));

// ---- errors, with stacks whose frames point at the project's files ----

function inspect(value) {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : runner.chai.util.inspect(value, false, 4, false);
  } catch (e) {
    return String(value);
  }
}

function mapStack(stack) {
  if (typeof stack !== 'string') {
    return null;
  }
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line))
      .filter((line) => !line.includes('/__lanes/'))
      .map((line) => line.split(projectBase).join('').replace(/\?[^:)\s]*(?=:\d+:\d+)/, ''));
  return frames.length ? frames.join('\n') : null;
}

function toError(error, seen = new Set()) {
  if (error === null || typeof error !== 'object') {
    return { name: 'Error', message: 'thrown: ' + inspect(error), stack: null, expected: null, actual: null,
      cause: null };
  }
  seen.add(error);
  const diff = error.showDiff !== false && 'expected' in error && 'actual' in error
      && (error.expected !== undefined || error.actual !== undefined);
  return {
    name: String(error.name || error.constructor?.name || 'Error'),
    message: String(error.message ?? ''),
    stack: mapStack(error.stack),
    expected: diff ? inspect(error.expected) : null,
    actual: diff ? inspect(error.actual) : null,
    cause: error.cause && typeof error.cause === 'object' && !seen.has(error.cause) ? toError(error.cause, seen) : null,
  };
}

function unhandled(error, kind) {
  const mapped = toError(error);
  if (active) {
    if (kind === 'Unhandled Rejection') {
      mapped.message = 'Unhandled Rejection: ' + mapped.message;
    }
    active.errors.push(mapped); // it fails the file it happened in
  } else {
    event('onUnhandledError', mapped, kind);
  }
}
addEventListener('error', (e) => unhandled(e.error ?? new Error(e.message), 'Uncaught Error'));
addEventListener('unhandledrejection', (e) => unhandled(e.reason, 'Unhandled Rejection'));

// ---- console output, attributed to the test that printed it ----

function format(args) {
  return args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
}
for (const [method, stream] of [['log', 'STDOUT'], ['info', 'STDOUT'], ['debug', 'STDOUT'], ['warn', 'STDERR'],
  ['error', 'STDERR'], ['trace', 'STDERR']]) {
  const original = console[method].bind(console);
  console[method] = (...args) => {
    original(...args);
    if (active) {
      flush(); // the test's updates first, so the log finds its test
      const taskId = runner.currentTest()?.id ?? active.spec.fileId;
      event('onUserConsoleLog', { content: format(args) + '\n', type: stream, taskId, time: Date.now() });
    }
  };
}

// ---- tasks ----

function queued(spec) {
  return { id: spec.fileId, name: spec.moduleId, type: 'FILE', mode: 'QUEUED', uniqueId: null,
    location: { file: spec.moduleId, line: 0 }, children: [], reportingName: null };
}

// Gives every task its id (Vitest's: parent id, '_', index) and its mode: .skip and .todo, .only (when a file
// has one, only what is marked runs), the test-name pattern (over the full name) and the selected ids.
function prepare(root, spec) {
  root.id = spec.fileId;
  root.name = spec.moduleId;
  const pattern = spec.testNamePattern ? new RegExp(spec.testNamePattern) : null;
  const ids = new Set(spec.testIds || []);
  const hasOnly = (function find(task) {
    return task.children.some((c) => c.mode === 'ONLY' || find(c));
  })(root);
  (function walk(task, names, inOnly, inSkip, selected) {
    task.children.forEach((child, index) => {
      child.id = task.id + '_' + index;
      const only = inOnly || child.mode === 'ONLY';
      const skip = inSkip || child.mode === 'SKIP';
      const chosen = selected || ids.size === 0 || ids.has(child.id);
      const fullName = [...names, child.name];
      if (child.type === 'SUITE') {
        walk(child, fullName, only, skip, selected || ids.has(child.id));
        child.mode = child.children.some((c) => c.mode === 'RUN') ? 'RUN' : 'SKIP';
      } else if (child.mode !== 'TODO') {
        const runs = !skip && (!hasOnly || only) && chosen && (!pattern || pattern.test(fullName.join(' ')));
        child.mode = runs ? 'RUN' : 'SKIP';
      }
    });
  })(root, [], false, false, false);
}

function toTask(node, spec) {
  return {
    id: node.id, name: node.name, type: node.type, mode: node.mode === 'TODO' ? 'TODO'
      : node.mode === 'SKIP' ? 'SKIP' : 'RUN',
    uniqueId: null, location: { file: spec.moduleId, line: node.line || 0 },
    children: node.children.map((c) => toTask(c, spec)), reportingName: null,
  };
}

function result(r) {
  return { state: r.state, durationMillis: Math.max(0, Math.round(r.duration || 0)), errors: r.errors || [],
    retryCount: 0, note: r.note ?? null };
}

async function runFile(spec, collectOnly) {
  const started = performance.now();
  active = { spec, errors: [] };
  event('onQueued', queued(spec));
  const { root, error } = await runner.collect(projectBase + spec.moduleId);
  prepare(root, spec);
  if (error) {
    active.errors.push(toError(error));
    event('onCollected', [toTask({ ...root, children: [] }, spec)]);
    update(spec.fileId, result({ state: 'RUN' }), 'SUITE_PREPARE');
  } else {
    event('onCollected', [toTask(root, spec)]);
    if (collectOnly) {
      active = null;
      return;
    }
    update(spec.fileId, result({ state: 'RUN' }), 'SUITE_PREPARE');
    await runner.run(root, {
      report: (task, r, eventName) => update(task.id, result(r), eventName),
      fileErrors: active.errors,
      testTimeout: settings.testTimeout,
      cancelled: () => cancelled,
      toError,
    });
  }
  // errors of the file's last moments belong to it: its zero-delay timers, and promises rejected with nobody to
  // handle them, which the browser reports a task or two later
  for (let i = 0; i < 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const tests = [];
  (function walk(task) {
    task.children.forEach((c) => (c.type === 'TEST' ? tests.push(c) : walk(c)));
  })(root);
  const failed = active.errors.length > 0 || tests.some((t) => t.state === 'FAIL');
  const state = failed ? 'FAIL' : tests.some((t) => t.state === 'PASS') ? 'PASS' : 'SKIP';
  update(spec.fileId, result({ state, duration: performance.now() - started, errors: active.errors,
    note: tests.length === 0 && !failed ? 'no tests found in ' + spec.moduleId : null }), 'SUITE_FINISHED');
  flush();
  active = null;
}

async function runFiles(files, collectOnly) {
  cancelled = false;
  let error = null;
  try {
    for (const spec of files) {
      await runFile(spec, collectOnly);
    }
  } catch (e) {
    error = toError(e);
  }
  flush();
  send({ type: 'testfileFinished', body: { error, usedMemory: null } });
}

socket.addEventListener('message', (e) => {
  const message = JSON.parse(e.data);
  if (message.lanes === 'commandResult') {
    const pending = commands.get(message.id);
    commands.delete(message.id);
    if (pending) {
      message.error ? pending.reject(new Error(message.error)) : pending.resolve();
    }
    return;
  }
  switch (message.type) {
    case 'start':
      settings = { testTimeout: Number(message.body.settings.testTimeout ?? 30000) };
      send({ type: 'started', body: { error: null } });
      break;
    case 'run':
      runFiles(message.body.files, false);
      break;
    case 'collect':
      runFiles(message.body.files, true);
      break;
    case 'cancel':
      cancelled = true;
      break;
    case 'stop':
      send({ type: 'stopped', body: { error: null } });
      break;
    case 'call':
      if (message.method === 'threadDump') {
        const test = runner.currentTest();
        send({ type: 'reply', id: message.id, method: 'threadDump', error: null,
          result: `page ${session}: ` + (active ? `running ${active.spec.moduleId}` + (test ? `, test '${test.name}'` : '')
              : 'idle') + ' (a page has one JavaScript thread; it answered, so it is not blocked)' });
      }
      break;
    default:
      break;
  }
});

socket.addEventListener('open', () => {
  setInterval(() => send({ lanes: 'beat' }), 1000);
});
