import { Component } from 'preact';

/**
 * A component that can ask for an element to be focused once its next render
 * is in the page (class-based: the hooks module would cost the budget 1 KB).
 */
export abstract class FocusingComponent<P, S> extends Component<P, S> {
  private pendingFocus: string | null = null;

  /** Focus the element with this id after the next render. */
  protected focusAfterRender(id: string): void {
    this.pendingFocus = id;
  }

  override componentDidUpdate(): void {
    const id = this.pendingFocus;
    if (id === null) return;
    this.pendingFocus = null;
    document.getElementById(id)?.focus();
  }
}
