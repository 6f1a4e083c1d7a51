// Preloaded (`node --import`) into an `astro dev` under --cpu-prof: V8 writes the profile only when
// the process exits, not when a signal ends it.
process.once('SIGINT', () => process.exit(130));
