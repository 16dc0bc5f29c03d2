// Line icons for the phone app's tabs and shortcuts (inline SVG: no icon font to download).
const PATHS = {
  home: "M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z",
  cert: "M4 4h16v12H4zM8 8h8M8 11h5M15 16l1.5 4 1.5-1.5L19.5 20 21 16",
  message: "M4 5h16v11H8l-4 4zM8 9h8M8 12h5",
  me: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6",
  scan: "M4 8V4h4M16 4h4v4M20 16v4h-4M8 20H4v-4M4 12h16",
  download: "M12 4v11M7 10l5 5 5-5M5 20h14",
} as const;

export type PhoneIconName = keyof typeof PATHS;

export function PhoneIcon({ name, size = 24 }: { name: PhoneIconName; size?: number }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
