/**
 * Once all suites have run: names what is still open (sockets, timers, workers) before `--forceExit`
 * ends the run, so that a leak shows in the log instead of hanging CI.
 */
module.exports = async () => {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const open = process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap' && kind !== 'PipeWrap');
  if (open.length) console.warn(`Still open after the tests: ${open.join(', ')}`);
};
