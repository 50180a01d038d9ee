import { useEffect } from 'react';

/** Every route has its own <title> (WCAG 2.4.2): "Boligområder – Jobbro". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} – Jobbro` : 'Jobbro';
  }, [title]);
}
