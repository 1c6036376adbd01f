// Each component test starts signed out, as a new tab does: the session lives in sessionStorage.
afterEach(() => {
  sessionStorage.clear();
});
