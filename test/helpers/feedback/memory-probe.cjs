/**
 * Loaded with `node --require` into a spawned feedback server for memory tests only. It samples
 * the JavaScript heap plus Buffer memory (where a buffered body would live) every 5 ms and, on
 * SIGUSR2, prints the peak since the last signal as one JSON line on stderr, then resets. RSS is
 * not used: it also moves with the allocator and the OS, by more than the bound being tested.
 */
let peak = 0;
const sample = () => {
  const m = process.memoryUsage();
  const used = m.heapUsed + m.arrayBuffers;
  if (used > peak) peak = used;
  return used;
};
setInterval(sample, 5).unref();
process.on('SIGUSR2', () => {
  const now = sample();
  process.stderr.write(`${JSON.stringify({ memoryProbe: { peak, now } })}\n`);
  peak = now;
});
