import type { ReactNode } from 'react';

/** Deck content is untrusted: links open in a new tab that cannot reach back to this one. */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
