/**
 * The logo beside the app's name: public/favicon.svg's drawing, inline (a test keeps the two the
 * same). As an image it cost a cold start a request and an SVG document of its own, set up on the
 * main thread before the first frame.
 */
export function BrandMark() {
  return (
    <svg viewBox="0 0 64 64" width="28" height="28" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill="#3b5bdb" />
      <rect x="14" y="18" width="30" height="22" rx="4" fill="#fff" opacity=".55" />
      <rect x="20" y="24" width="30" height="22" rx="4" fill="#fff" />
      <path
        d="M27 35l5 5 10-11"
        fill="none"
        stroke="#3b5bdb"
        strokeWidth="4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
