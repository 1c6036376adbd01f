/**
 * Once all suites have run: names what is still open in this process (sockets, timers, threads).
 * The run is not forced to exit, so a leak would hold it: this says what it is.
 */
module.exports = async () => {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const open = process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap' && kind !== 'PipeWrap');
  if (open.length) console.warn(`Still open after the tests: ${open.join(', ')}`);
};
