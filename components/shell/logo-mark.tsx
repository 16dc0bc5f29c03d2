/** The CertDesk mark: a seal ring around a cloud with a check. Same drawing as public/logo.svg. */
export function LogoMark({ size = 36, className }: { size?: number; className?: string }) {
  return (
    <svg viewBox="0 0 64 64" width={size} height={size} className={className} aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="31" fill="#0b5cad" />
      <circle cx="32" cy="32" r="26.5" fill="none" stroke="#fff" strokeWidth="2" />
      <circle cx="32" cy="32" r="23" fill="none" stroke="#fff" strokeWidth="0.8" strokeDasharray="1.6 2.4" opacity="0.75" />
      <g fill="#fff">
        <circle cx="24.5" cy="35" r="6" />
        <circle cx="33" cy="29" r="8.5" />
        <circle cx="41" cy="34.5" r="6.5" />
        <rect x="24.5" y="34" width="16.5" height="7" />
      </g>
      <path
        d="M27.5 33.6l3.9 3.7 7.3-7.6"
        fill="none"
        stroke="#0b5cad"
        strokeWidth="3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <path d="M32 8.5l1.3 2.6 2.9.4-2.1 2 .5 2.9-2.6-1.4-2.6 1.4.5-2.9-2.1-2 2.9-.4z" fill="#fff" />
    </svg>
  );
}
