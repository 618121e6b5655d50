/**
 * Resolves on the first SIGINT or SIGTERM, or, in a process started by `npm start` (it has an IPC
 * channel to its parent), when that parent is gone: a stand-in whose `start` was killed hard stops
 * on its own instead of living on as an orphan.
 */
export function untilSignal(): Promise<NodeJS.Signals | 'parent-gone'> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    if (process.send && !process.connected) resolve('parent-gone');
    else if (process.channel) {
      // The channel must not keep the process alive on its own; its end is the parent's exit.
      process.channel.unref();
      process.once('disconnect', () => resolve('parent-gone'));
    }
  });
}

/**
 * For a command that stops in order (`start`): `first` resolves on the first SIGINT or SIGTERM;
 * a later one, `repeatAfterMs` or more after it, calls `onRepeat` (a second Ctrl-C: do not wait).
 * Closer repeats are the same Ctrl-C relayed once more by npm and tsx, which forward the signal
 * to a child that the terminal has signalled already. The listeners stay until dispose(), so the
 * bare-signal handler of src/local/infra/process.ts, which acts only when nobody else listens,
 * keeps out of the way throughout.
 */
export function orderedStopSignals(
  onRepeat: (signal: NodeJS.Signals) => void,
  repeatAfterMs = 1000,
): { first: Promise<NodeJS.Signals>; dispose(): void } {
  let firstAt: number | undefined;
  let resolveFirst: (s: NodeJS.Signals) => void = () => undefined;
  const first = new Promise<NodeJS.Signals>((resolve) => (resolveFirst = resolve));
  const on = (signal: NodeJS.Signals) => {
    if (firstAt === undefined) {
      firstAt = Date.now();
      resolveFirst(signal);
    } else if (Date.now() - firstAt >= repeatAfterMs) onRepeat(signal);
  };
  process.on('SIGINT', on);
  process.on('SIGTERM', on);
  return {
    first,
    dispose: () => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
    },
  };
}
