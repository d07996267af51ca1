/**
 * Whether emitters keep the text they wrote per event for a later emit in this process. Watch
 * mode and repeated API calls gain from it (after an edit only the edited file's events are
 * written again); a one-shot run would only carry it to the end: at 10,000 events about 450 MB.
 */
let keeping = true;

export function keepEmittedText(keep: boolean): void {
  keeping = keep;
}

export function keepsEmittedText(): boolean {
  return keeping;
}
