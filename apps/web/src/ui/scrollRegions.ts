/** The scrolling parts of AntD tables: the content of a table with `scroll.x`, the body of one with `scroll.y`. */
const SCROLL_REGIONS = ".ant-table-content, .ant-table-body";

/**
 * Makes every table region that scrolls sideways or down reachable from the keyboard (tabindex 0 and
 * a name), so that a keyboard user can scroll it with the arrow keys: WCAG 2.1.1, axe
 * scrollable-region-focusable. Phones show most tables this way. Regions that do not scroll keep no
 * extra tab stop. Runs after each change of the page (batched per frame) and on resize; returns a stop.
 */
export function keepScrollRegionsFocusable(root: HTMLElement, name: () => string): () => void {
  let scheduled = 0;
  const update = () => {
    scheduled = 0;
    for (const region of root.querySelectorAll<HTMLElement>(SCROLL_REGIONS)) {
      const scrolls = region.scrollWidth > region.clientWidth + 1 || region.scrollHeight > region.clientHeight + 1;
      if (scrolls && region.tabIndex !== 0) {
        region.tabIndex = 0;
        region.setAttribute("role", "region");
        region.setAttribute("aria-label", name());
      } else if (!scrolls && region.getAttribute("tabindex") === "0") {
        region.removeAttribute("tabindex");
        region.removeAttribute("role");
        region.removeAttribute("aria-label");
      }
    }
  };
  const schedule = () => {
    if (scheduled === 0) {
      scheduled = window.requestAnimationFrame(update);
    }
  };
  const observer = new MutationObserver(schedule);
  observer.observe(root, { childList: true, subtree: true });
  window.addEventListener("resize", schedule);
  schedule();
  return () => {
    observer.disconnect();
    window.removeEventListener("resize", schedule);
    window.cancelAnimationFrame(scheduled);
  };
}
