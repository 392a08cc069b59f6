// The in-page runner: the API test files import from 'lanes' (describe, test, hooks, expect and assert from chai,
// commands), and how the tester collects and runs one file. The protocol side is tester.js.
import * as chai from './chai.js';

export const expect = chai.expect;
export const assert = chai.assert;
export { chai };

const state = {
  collecting: null, // the suite test() and describe() add to while a file's module is evaluated
  fileUrl: null, // the URL of the file being collected, to find each test's line
  current: null, // the test running now, for console output and errors
  send: null, // how a command reaches the host (set by tester.js)
};

function node(type, name, fn, mode, options) {
  return { type, name, fn, mode, children: [], hooks: { beforeAll: [], afterAll: [], beforeEach: [], afterEach: [] },
    line: callerLine(), timeout: typeof options === 'number' ? options : options?.timeout };
}

// The line of the test file that called describe() or test(): the first frame in the file being collected.
function callerLine() {
  if (!state.fileUrl) {
    return 0;
  }
  for (const frame of (new Error().stack || '').split('\n')) {
    const at = frame.indexOf(state.fileUrl);
    if (at >= 0) {
      const match = /:(\d+):\d+\)?\s*$/.exec(frame);
      if (match) {
        return Number(match[1]);
      }
    }
  }
  return 0;
}

function collecting(what) {
  if (!state.collecting) {
    throw new Error(`${what} may only be called while the test file is collected (at its top level or in a describe)`);
  }
  return state.collecting;
}

function register(type, mode) {
  return (name, fn, options) => {
    const parent = collecting(type === 'SUITE' ? 'describe()' : 'test()');
    if (typeof name !== 'string') {
      throw new TypeError(`${type === 'SUITE' ? 'describe' : 'test'}() takes a name first, then a function`);
    }
    const created = node(type, name, fn, mode, options);
    parent.children.push(created);
    if (type === 'SUITE' && typeof fn === 'function') {
      state.collecting = created;
      try {
        const result = fn();
        if (result && typeof result.then === 'function') {
          throw new Error(`describe('${name}') got an async function: define tests synchronously`);
        }
      } finally {
        state.collecting = parent;
      }
    }
    return created;
  };
}

function withModes(type) {
  const run = register(type, 'RUN');
  run.skip = register(type, 'SKIP');
  run.only = register(type, 'ONLY');
  run.todo = (name) => register(type, 'TODO')(name);
  return run;
}

export const describe = withModes('SUITE');
export const test = withModes('TEST');
export const it = test;

function hook(kind) {
  return (fn) => collecting(kind + '()').hooks[kind].push(fn);
}
export const beforeAll = hook('beforeAll');
export const afterAll = hook('afterAll');
export const beforeEach = hook('beforeEach');
export const afterEach = hook('afterEach');

// What the browser can do that a page cannot do to itself, done by the provider: navigate(url) goes anywhere,
// chrome:// pages included.
export const commands = {
  navigate: (url) => state.send('navigate', [String(url)]),
};

/** Collects a file: evaluates its module, and returns its root suite, or the error that stopped it. */
export async function collect(url) {
  const root = node('FILE', '', null, 'RUN');
  state.collecting = root;
  state.fileUrl = url;
  try {
    await import(url);
    return { root };
  } catch (error) {
    return { root, error };
  } finally {
    state.collecting = null;
    state.fileUrl = null;
  }
}

export function setCommandSender(send) {
  state.send = send;
}

export function currentTest() {
  return state.current;
}

/** Runs fn(), failing after timeout milliseconds (0: never). */
async function within(fn, timeout, what) {
  if (!timeout) {
    return await fn();
  }
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`${what} timed out in ${timeout}ms.`),
        { name: 'TimeoutError' })), timeout);
  });
  try {
    return await Promise.race([Promise.resolve().then(fn), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs a collected tree. report(task, result, event) is told of every start and end; errors of the file itself
 * (a failing beforeAll, say) go to fileErrors. cancelled() says when to stop.
 */
export async function run(root, { report, fileErrors, testTimeout, cancelled, toError }) {
  const parents = [];
  async function runSuite(suite) {
    const started = performance.now();
    const own = suite.type === 'SUITE';
    if (own) {
      report(suite, { state: 'RUN' }, 'SUITE_PREPARE');
    }
    const errors = [];
    const active = suite.children.some(function runs(child) {
      return child.mode === 'RUN' && (child.type === 'TEST' || child.children.some(runs));
    });
    if (active) {
      for (const fn of suite.hooks.beforeAll) {
        try {
          await within(fn, testTimeout, 'beforeAll hook');
        } catch (error) {
          errors.push(toError(error));
        }
      }
    }
    parents.push(suite);
    for (const child of suite.children) {
      if (errors.length || cancelled()) {
        skipAll(child, errors.length ? 'not run: a beforeAll hook failed' : 'cancelled');
      } else if (child.type === 'SUITE') {
        await runSuite(child);
      } else {
        await runTest(child);
      }
    }
    parents.pop();
    if (active) {
      for (const fn of suite.hooks.afterAll) {
        try {
          await within(fn, testTimeout, 'afterAll hook');
        } catch (error) {
          errors.push(toError(error));
        }
      }
    }
    if (own) {
      const failed = errors.length || suite.children.some((c) => c.state === 'FAIL');
      suite.state = failed ? 'FAIL' : suite.children.some((c) => c.state === 'PASS') ? 'PASS' : 'SKIP';
      report(suite, { state: suite.state, duration: performance.now() - started, errors }, 'SUITE_FINISHED');
    } else {
      fileErrors.push(...errors);
    }
  }

  function skipAll(task, note) {
    if (task.type === 'SUITE') {
      report(task, { state: 'RUN' }, 'SUITE_PREPARE');
      task.children.forEach((child) => skipAll(child, note));
      task.state = 'SKIP';
      report(task, { state: 'SKIP', note }, 'SUITE_FINISHED');
    } else {
      task.state = 'SKIP';
      report(task, { state: 'RUN' }, 'TEST_PREPARE');
      report(task, { state: 'SKIP', note }, 'TEST_FINISHED');
    }
  }

  async function runTest(task) {
    if (task.mode !== 'RUN' || typeof task.fn !== 'function') {
      skipAll(task, task.mode === 'TODO' ? 'todo' : task.mode === 'SKIP' ? 'skipped' : 'not selected');
      return;
    }
    report(task, { state: 'RUN' }, 'TEST_PREPARE');
    state.current = task;
    const started = performance.now();
    const errors = [];
    const chain = [...parents, task];
    try {
      for (const suite of chain.slice(0, -1)) {
        for (const fn of suite.hooks.beforeEach) {
          await within(fn, testTimeout, 'beforeEach hook');
        }
      }
      await within(task.fn, task.timeout ?? testTimeout, 'Test');
    } catch (error) {
      errors.push(toError(error));
    }
    for (const suite of chain.slice(0, -1).reverse()) {
      for (const fn of suite.hooks.afterEach) {
        try {
          await within(fn, testTimeout, 'afterEach hook');
        } catch (error) {
          errors.push(toError(error));
        }
      }
    }
    state.current = null;
    task.state = errors.length ? 'FAIL' : 'PASS';
    report(task, { state: task.state, duration: performance.now() - started, errors }, 'TEST_FINISHED');
  }

  await runSuite(root);
}
