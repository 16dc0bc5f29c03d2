import type { ReactNode } from "react";

/**
 * Renders the help catalogue's small markup: blocks separated by a blank line; "## " heading,
 * "- " bullet lines, "1. " numbered lines, anything else a paragraph (single newlines kept).
 */
export function ArticleBody({ text, className }: { text: string; className?: string }) {
  const blocks = text.split(/\n{2,}/).map((b) => b.trim()).filter(Boolean);
  return (
    <div className={["prose", className].filter(Boolean).join(" ")}>
      {blocks.map((block, i) => renderBlock(block, i))}
    </div>
  );
}

function renderBlock(block: string, key: number): ReactNode {
  if (block.startsWith("## ")) return <h2 key={key}>{block.slice(3)}</h2>;
  const lines = block.split("\n");
  if (lines.every((l) => l.startsWith("- "))) {
    return (
      <ul key={key}>
        {lines.map((l, j) => (
          <li key={j}>{l.slice(2)}</li>
        ))}
      </ul>
    );
  }
  if (lines.every((l) => /^\d+\. /.test(l))) {
    return (
      <ol key={key}>
        {lines.map((l, j) => (
          <li key={j}>{l.replace(/^\d+\. /, "")}</li>
        ))}
      </ol>
    );
  }
  return (
    <p key={key}>
      {lines.map((l, j) => (
        <span key={j}>
          {j > 0 && <br />}
          {l}
        </span>
      ))}
    </p>
  );
}
