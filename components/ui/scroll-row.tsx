"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import styles from "./scroll-row.module.css";

/**
 * A row that scrolls sideways on a narrow screen (tabs), with a visible hint while more is hidden to the
 * right (a fade and a ›, which scrolls on); the current item (aria-current) is scrolled into view at once.
 */
export function ScrollRow({ children, moreLabel, testId }: { children: ReactNode; moreLabel: string; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [isMore, setMore] = useState(false);

  useEffect(() => {
    const row = ref.current;
    if (!row) return;
    const update = () => setMore(row.scrollLeft + row.clientWidth < row.scrollWidth - 2);
    const current = row.querySelector<HTMLElement>("[aria-current]");
    if (current && current.offsetLeft + current.offsetWidth > row.clientWidth) row.scrollLeft = current.offsetLeft - 16;
    update();
    row.addEventListener("scroll", update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(row);
    return () => {
      row.removeEventListener("scroll", update);
      resize.disconnect();
    };
  }, []);

  return (
    <div className={styles.wrap}>
      <div ref={ref} className={styles.row} data-testid={testId}>
        {children}
      </div>
      {isMore && (
        <button type="button" className={styles.more} aria-label={moreLabel} data-testid={testId ? `${testId}-more` : undefined} onClick={() => ref.current?.scrollBy({ left: ref.current.clientWidth * 0.6, behavior: "smooth" })}>
          ›
        </button>
      )}
    </div>
  );
}
