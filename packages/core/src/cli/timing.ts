/** Debug timestamps: seconds since the process started (module loading included), and memory. */
export function at(): string {
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)}`;
  return `at ${(performance.now() / 1000).toFixed(2)} s; MB: heap ${mb(heapUsed)}/${mb(heapTotal)}, external ${mb(external)}, rss ${mb(rss)}`;
}
