/**
 * Quick exit, for a reporter interrupted by someone who must not see this
 * site: the header's "quick exit" link (a plain link without JavaScript)
 * leaves for the operator's neutral page with location.replace, so this page
 * is replaced in the history and the Back button does not return to it.
 * Pressing Escape twice does the same. The page is blanked at once, before
 * the next page has loaded.
 */
const link = document.querySelector<HTMLAnchorElement>('a[data-quick-exit]');
if (link !== null) {
  const leave = (event?: Event): void => {
    event?.preventDefault();
    document.body.hidden = true;
    document.title = '';
    window.location.replace(link.href);
  };
  link.addEventListener('click', leave);
  let lastEscape = Number.NEGATIVE_INFINITY;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    if (event.timeStamp - lastEscape < 1_000) leave(event);
    lastEscape = event.timeStamp;
  });
}
