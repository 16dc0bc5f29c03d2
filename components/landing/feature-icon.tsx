const PATHS = {
  login: "M14 4h5a1 1 0 011 1v14a1 1 0 01-1 1h-5M10 16l4-4-4-4M14 12H4",
  sign: "M4 20h16M6 16l9.5-9.5a2.1 2.1 0 013 3L9 19H6v-3z",
  decrypt: "M6 11V8a6 6 0 0111.3-2.8M5 11h14v9H5zM12 14.5v2.5",
  key: "M14.5 9.5a4.5 4.5 0 11-9 0 4.5 4.5 0 019 0zM13.2 12.7L20 19.5M17 16.5l2-2M15 14.5l1.5-1.5",
  chip: "M8 8h8v8H8zM5 10H3M5 14H3M21 10h-2M21 14h-2M10 5V3M14 5V3M10 21v-2M14 21v-2M5 5h14v14H5z",
  law: "M12 3v18M5 7h14M5 7l-3 7a3 3 0 006 0L5 7zM19 7l-3 7a3 3 0 006 0l-3-7zM8 21h8",
  shield: "M12 3l8 3v5c0 5-3.5 8.5-8 10-4.5-1.5-8-5-8-10V6l8-3zM8.5 12l2.5 2.5 4.5-5",
  qr: "M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 14h2v2h-2zM14 18h2v2h-2zM18 18h2v2h-2z",
  phone: "M7 2h10a1 1 0 011 1v18a1 1 0 01-1 1H7a1 1 0 01-1-1V3a1 1 0 011-1zM11 18h2",
} as const;

export type FeatureIconName = keyof typeof PATHS;

export function FeatureIcon({ name, size = 24, className }: { name: FeatureIconName; size?: number; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} className={className} aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
