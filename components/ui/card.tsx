import type { HTMLAttributes, ReactNode } from "react";
import styles from "./card.module.css";

type CardProps = Omit<HTMLAttributes<HTMLElement>, "title"> & {
  title?: ReactNode;
  description?: ReactNode;
  /** Right side of the card header: a link or a small button. */
  actions?: ReactNode;
  footer?: ReactNode;
  /** Heading level of the title; section pages usually want h2. */
  headingLevel?: 2 | 3;
  padding?: "none" | "md" | "lg";
  as?: "section" | "article" | "div";
};

export function Card({
  title,
  description,
  actions,
  footer,
  headingLevel = 2,
  padding = "md",
  as: Tag = "section",
  className,
  children,
  ...rest
}: CardProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const hasHeader = title !== undefined || actions !== undefined;
  return (
    <Tag {...rest} className={[styles.card, className].filter(Boolean).join(" ")}>
      {hasHeader && (
        <header className={styles.header}>
          <div>
            {title !== undefined && <Heading className={styles.title}>{title}</Heading>}
            {description !== undefined && <p className={styles.description}>{description}</p>}
          </div>
          {actions !== undefined && <div className={styles.actions}>{actions}</div>}
        </header>
      )}
      <div className={styles[`body-${padding}`]}>{children}</div>
      {footer !== undefined && <footer className={styles.footer}>{footer}</footer>}
    </Tag>
  );
}
