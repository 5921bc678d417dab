/**
 * `promise`, or a rejection naming `what` after `ms`: a time limit for one awaited step of a test or its teardown
 * that would otherwise wait forever on a stuck connection (the leaked resource goes away with the test process).
 */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} não terminou em ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}
