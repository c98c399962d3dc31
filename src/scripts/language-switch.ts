/**
 * The language switcher keeps the reader's place: its link to the other edition carries
 * the current chapter or step (`/#chapter` <-> `/zh/#chapter`). Without JavaScript the link
 * still goes to the other edition's top.
 */
for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-edition-link]')) {
  const target = link.getAttribute('href')!.replace(/#.*$/, '');
  const follow = () => (link.href = `${target}${location.hash}`);
  follow();
  addEventListener('story:step', follow);
  addEventListener('hashchange', follow);
  // The hash can change without an event (history.replaceState): read it again as the reader reaches for the link.
  for (const type of ['pointerdown', 'focus', 'mouseenter', 'click'] as const) link.addEventListener(type, follow);
}
