import { useEffect, useRef } from 'preact/hooks';

/**
 * Focus an element by id once the next render is in the page: after "Load
 * more", focus moves to the first new row instead of falling to the body
 * when the button disappears.
 */
export function useFocusLater(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    const id = pending.current;
    if (id === null) return;
    pending.current = null;
    document.getElementById(id)?.focus();
  });
  return (id) => {
    pending.current = id;
  };
}
