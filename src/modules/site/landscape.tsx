/** The causse, the river and the hills, drawn once: a decoration that never breaks and weighs nothing. */
export function Landscape() {
  return (
    <svg
      class="hero__landscape"
      viewBox="0 0 960 320"
      aria-hidden="true"
      focusable="false"
      preserveAspectRatio="xMaxYMax meet"
    >
      <path d="M0 230 C120 180 220 200 320 170 S520 110 640 150 S840 120 960 90 V320 H0 Z" fill="#2d7a62" />
      <path d="M0 270 C160 230 260 260 400 230 S640 200 760 220 S900 200 960 190 V320 H0 Z" fill="#143e32" />
      <path
        d="M0 300 C140 280 300 300 460 282 S760 270 960 280"
        stroke="#e8b04a"
        stroke-width="6"
        fill="none"
      />
      <circle cx="820" cy="70" r="34" fill="#e8b04a" />
    </svg>
  );
}
